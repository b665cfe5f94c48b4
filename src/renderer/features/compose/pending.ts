import type { Draft } from './draft';

/**
 * Unsaved text, kept in localStorage until the core confirms a save, so a crash, a closed
 * window or a dead host never loses what was typed.
 */
export interface PendingDraft {
  /** null while the post has not been created yet. */
  postId: string | null;
  /** The version the edits started from (null for a new post). */
  baseVersion: number | null;
  draft: Draft;
  updatedAt: string;
}

const PREFIX = 'cadence.compose.pending.';

export function pendingKey(postId: string | null): string {
  return `${PREFIX}${postId ?? 'new'}`;
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.title === 'string' &&
    typeof d.body === 'string' &&
    typeof d.tagsText === 'string' &&
    Array.isArray(d.platforms) &&
    typeof d.status === 'string' &&
    (d.scheduledAt === null || typeof d.scheduledAt === 'string')
  );
}

export function readPending(storage: Storage, postId: string | null): PendingDraft | null {
  try {
    const raw = storage.getItem(pendingKey(postId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<PendingDraft>;
    if (!isDraft(parsed.draft)) return null;
    return {
      postId: typeof parsed.postId === 'string' ? parsed.postId : null,
      baseVersion: typeof parsed.baseVersion === 'number' ? parsed.baseVersion : null,
      draft: parsed.draft,
      updatedAt: typeof parsed.updatedAt === 'string' ? parsed.updatedAt : '',
    };
  } catch {
    return null;
  }
}

export function writePending(storage: Storage, pending: PendingDraft): void {
  try {
    storage.setItem(pendingKey(pending.postId), JSON.stringify(pending));
  } catch {
    // Quota or privacy mode: the save to the core still happens; nothing else to do here.
  }
}

export function clearPending(storage: Storage, postId: string | null): void {
  try {
    storage.removeItem(pendingKey(postId));
  } catch {
    // See writePending.
  }
}
