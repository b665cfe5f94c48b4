import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useEffect, useState, type ReactNode } from 'react';
import { findPost } from './calendar-posts';
import { useCalendar } from './calendar.store';
import {
  announcements,
  canAutoScroll,
  collisionDetection,
  dropIdUnderPointer,
  KEYBOARD_CODES,
  keyboardDropId,
  keyboardCoordinates,
  POINTER_ACTIVATION_DISTANCE,
  resetKeyboardTarget,
  screenReaderInstructions,
  trackPointer,
} from './dnd-config';
import { PostCardBody } from './PostCardBody';
import { PromptKeyboardSensor } from './prompt-keyboard-sensor';

/** Drag and drop for the calendar: mouse/touch pointer and keyboard, with a floating preview. */
export function CalendarDnd({ children }: { children: ReactNode }) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const drop = useCalendar((state) => state.drop);
  const setDragging = useCalendar((state) => state.setDragging);
  const timeZone = useCalendar((state) => state.timeZone);
  const activePost = useCalendar((state) => (activeId ? findPost(state, activeId) : undefined));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: POINTER_ACTIVATION_DISTANCE } }),
    useSensor(PromptKeyboardSensor, { coordinateGetter: keyboardCoordinates, keyboardCodes: KEYBOARD_CODES }),
  );

  useEffect(() => {
    window.addEventListener('pointermove', trackPointer, { capture: true, passive: true });
    return () => window.removeEventListener('pointermove', trackPointer, { capture: true });
  }, []);

  const onDragStart = (event: DragStartEvent) => {
    resetKeyboardTarget();
    setDragging(true);
    setActiveId(String(event.active.id));
  };
  const onDragEnd = (event: DragEndEvent) => {
    setActiveId(null);
    const keyboard = event.activatorEvent instanceof KeyboardEvent;
    const target = keyboard ? (keyboardDropId() ?? (event.over ? String(event.over.id) : null)) : dropIdUnderPointer();
    // drop() applies its optimistic move synchronously, before a refetch that waited can start.
    if (target) void drop(String(event.active.id), target);
    setDragging(false);
  };
  const onDragCancel = () => {
    setActiveId(null);
    setDragging(false);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      autoScroll={{ canScroll: canAutoScroll, threshold: { x: 0.1, y: 0.1 } }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={{ announcements, screenReaderInstructions }}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {activePost ? <PostCardBody post={activePost} timeZone={timeZone} lifted /> : null}
      </DragOverlay>
    </DndContext>
  );
}
