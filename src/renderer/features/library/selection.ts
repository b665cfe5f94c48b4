import type { PostStatus } from '../../../shared/domain/post';

/** Selected post ids; a new Set on every change so stores stay immutable. */
export type Selection = ReadonlySet<string>;

export function toggle(selection: Selection, id: string): Selection {
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

export type PageSelectionState = 'none' | 'some' | 'all';

/** How much of the visible page is selected, for the select-all checkbox (and its mixed state). */
export function pageSelectionState(selection: Selection, pageIds: readonly string[]): PageSelectionState {
  if (pageIds.length === 0) return 'none';
  const selected = pageIds.filter((id) => selection.has(id)).length;
  if (selected === 0) return 'none';
  return selected === pageIds.length ? 'all' : 'some';
}

/** Select-all on the page: selects every row of the page, or clears them when all were selected. */
export function togglePage(selection: Selection, pageIds: readonly string[]): Selection {
  const next = new Set(selection);
  if (pageSelectionState(selection, pageIds) === 'all') pageIds.forEach((id) => next.delete(id));
  else pageIds.forEach((id) => next.add(id));
  return next;
}

/** Drops ids that are no longer listed (after a refetch), so bulk actions never touch hidden posts. */
export function keepVisible(selection: Selection, visibleIds: readonly string[]): Selection {
  const visible = new Set(visibleIds);
  const next = [...selection].filter((id) => visible.has(id));
  return next.length === selection.size ? selection : new Set(next);
}

/** What an undo must do to reverse a bulk action. */
export type UndoPlan =
  { kind: 'restore-statuses'; items: { id: string; status: PostStatus }[] } | { kind: 'restore-posts'; ids: string[] };

/** Undo for archive: put back each post's previous status, skipping posts that were already archived. */
export function undoArchive(previous: { id: string; status: PostStatus }[]): UndoPlan | null {
  const items = previous.filter((p) => p.status !== 'archived');
  return items.length > 0 ? { kind: 'restore-statuses', items } : null;
}

/** Undo for delete: bring the trashed posts back. */
export function undoDelete(deleted: string[]): UndoPlan | null {
  return deleted.length > 0 ? { kind: 'restore-posts', ids: deleted } : null;
}

/** "3 posts" / "1 post". */
export function countLabel(count: number, noun = 'post'): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
