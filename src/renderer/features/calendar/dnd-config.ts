import {
  closestCenter,
  pointerWithin,
  type Announcements,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { centredOn, nextTarget, type ArrowKey, type Candidate } from './keyboard-coordinates';

/** Pointer drags start after this many pixels, so a click still opens the post. */
export const POINTER_ACTIVATION_DISTANCE = 5;

/** Space picks a post up and drops it; Enter also drops; Escape cancels. Enter alone opens the post. */
export const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] };

const ARROWS: readonly string[] = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];

/**
 * The target the keyboard moved to last. `over` only updates after a render, so two quick arrow
 * presses would both start from the same place; this is the truth for keyboard drags.
 */
let keyboardTarget: string | null = null;

/** Called when a drag starts, so a keyboard drag starts from where the post is. */
export function resetKeyboardTarget(): void {
  keyboardTarget = null;
}

/** Where a keyboard drag should drop: the last target the arrows reached, if any. */
export function keyboardDropId(): string | null {
  return keyboardTarget;
}

/** Arrow keys jump from one day (or hour slot) to the next instead of nudging by pixels. */
export const keyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  if (!ARROWS.includes(event.code)) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!collisionRect) return undefined;
  const originId = keyboardTarget ?? (over ? String(over.id) : null);
  const from = (originId !== null && droppableRects.get(originId)) || collisionRect;
  const candidates: Candidate[] = [];
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    if (rect && String(container.id) !== originId) candidates.push({ id: String(container.id), rect });
  }
  const target = nextTarget(from, event.code as ArrowKey, candidates);
  if (!target) return undefined;
  keyboardTarget = target.id;
  return centredOn(target.rect, collisionRect);
};

/** Every drop target renders `data-drop-id={its id}`, so hit-testing can find it under the pointer. */
export const DROP_ID_ATTRIBUTE = 'data-drop-id';

/**
 * The target under the pointer when dragging with a mouse; the nearest one with the keyboard.
 * Rects alone are not enough: hour slots scrolled out of the week view keep rects that overlap
 * the day headers, so the pointer's hit is confirmed by what is actually painted there.
 */
export const collisionDetection: CollisionDetection = (args) => {
  const pointer = args.pointerCoordinates;
  if (!pointer) return closestCenter(args);
  const hits = pointerWithin(args);
  if (hits.length === 0) return hits;
  const visible = visibleDropIdAt(pointer.x, pointer.y);
  return visible === null ? [] : hits.filter((hit) => hit.id === visible);
};

function visibleDropIdAt(x: number, y: number): string | null {
  for (const element of document.elementsFromPoint(x, y)) {
    const target = element.closest(`[${DROP_ID_ATTRIBUTE}]`);
    if (target) return target.getAttribute(DROP_ID_ATTRIBUTE);
  }
  return null;
}

let lastPointer: { x: number; y: number } | null = null;

/** Follows the pointer (registered on window while the calendar is shown) for canAutoScroll. */
export function trackPointer(event: PointerEvent): void {
  lastPointer = { x: event.clientX, y: event.clientY };
}

/**
 * Auto-scroll a container only while the pointer is inside it. Otherwise moving a card from
 * the week's hours up to a day heading scrolls the hours away underneath it.
 */
export function canAutoScroll(element: Element): boolean {
  if (!lastPointer) return false;
  const rect = element.getBoundingClientRect();
  const { x, y } = lastPointer;
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/**
 * The drop target painted under the pointer right now. A pointer drop uses this rather than the
 * last computed `over`, which can lag one move behind a fast release.
 */
export function dropIdUnderPointer(): string | null {
  return lastPointer ? visibleDropIdAt(lastPointer.x, lastPointer.y) : null;
}

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    'To move this post, press Space to pick it up. Use the arrow keys to move between days, ' +
    'then press Space to drop it, or Escape to cancel. Press Enter to open it.',
};

const titleOf = (data: Record<string, unknown> | undefined) => String(data?.['title'] ?? 'Post');
const labelOf = (data: Record<string, unknown> | undefined) => String(data?.['label'] ?? 'nowhere');

/** Spoken progress of a drag, by post title and day name rather than internal ids. */
export const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${titleOf(active.data.current)}.`,
  onDragOver: ({ active, over }) =>
    over
      ? `${titleOf(active.data.current)} is over ${labelOf(over.data.current)}.`
      : `${titleOf(active.data.current)} is no longer over a day.`,
  onDragEnd: ({ active, over }) =>
    over
      ? `${titleOf(active.data.current)} was dropped on ${labelOf(over.data.current)}.`
      : `${titleOf(active.data.current)} was dropped outside the calendar; nothing changed.`,
  onDragCancel: ({ active }) => `Moving ${titleOf(active.data.current)} was cancelled; nothing changed.`,
};
