import type { BulkCounts, BulkFormat, BulkItemStatus, BulkJobStatus, BulkTopics } from '../../../shared/domain/bulk';

export const FORMAT_LABELS: Record<BulkFormat, string> = {
  listicle: 'Listicle',
  'how-to': 'How-to',
  story: 'Story',
  'contrarian-take': 'Contrarian take',
  'case-study': 'Case study',
  'hook-value-cta': 'Hook, value, CTA',
  announcement: 'Announcement',
};

export const JOB_STATUS_LABELS: Record<BulkJobStatus, string> = {
  planned: 'Planned, not started',
  running: 'Generating',
  paused: 'Paused',
  cancelled: 'Cancelled',
  done: 'Finished',
  failed: 'Failed',
};

export const ITEM_STATUS_LABELS: Record<BulkItemStatus, string> = {
  pending: 'Waiting',
  generating: 'Writing…',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const ITEM_STATUS_CLASS: Record<BulkItemStatus, string> = {
  pending: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  generating: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-500/20 dark:text-indigo-200',
  done: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-500/20 dark:text-emerald-200',
  failed: 'bg-red-100 text-red-800 dark:bg-red-500/20 dark:text-red-200',
  cancelled: 'bg-amber-100 text-amber-900 dark:bg-amber-500/20 dark:text-amber-100',
};

/** A job that can still change: the page follows it and shows its controls. */
export function isLiveJob(status: BulkJobStatus): boolean {
  return status === 'planned' || status === 'running' || status === 'paused';
}

/** How many items stand where (the job's counts are the server's; this recounts the items shown). */
export function countItems(items: readonly { status: BulkItemStatus }[]): BulkCounts {
  const counts: BulkCounts = { done: 0, failed: 0, cancelled: 0, pending: 0, generating: 0, total: items.length };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

/** Finished items: the progress bar's numerator. */
export function finishedCount(counts: BulkCounts): number {
  return counts.done + counts.failed + counts.cancelled;
}

/**
 * An honest line about where the plan's topics came from, or null when the AI wrote them all.
 * While planning, the server's own explanation (why no model answered); once started, a short label.
 */
export function topicsNotice(topics: BulkTopics, planned: boolean): string | null {
  if (topics.source === 'ai') return null;
  const some = topics.source === 'fallback' ? 'These topics are' : 'Some topics are';
  if (planned && topics.note.trim()) return topics.note.trim();
  return planned
    ? `${some} simple patterns from your niche and the formats, not written by the AI. Edit them before starting.`
    : `${some} simple patterns from your niche and the formats, not written by the AI.`;
}

/** 0–100 for the progress bar: finished items (done or failed) over all, never NaN. */
export function progressPercent(finished: number, total: number | null): number {
  if (!total || total <= 0) return 0;
  return Math.min(100, Math.round((finished / total) * 100));
}

/** "12 of 24 posts written · 1 failed · 11 to go". */
export function progressSentence(counts: BulkCounts): string {
  const parts = [`${counts.done} of ${counts.total} ${counts.total === 1 ? 'post' : 'posts'} written`];
  if (counts.failed > 0) parts.push(`${counts.failed} failed`);
  if (counts.cancelled > 0) parts.push(`${counts.cancelled} cancelled`);
  const left = counts.pending + counts.generating;
  if (left > 0) parts.push(`${left} to go`);
  return parts.join(' · ');
}

/**
 * The "Retry failed" button: every failed item of a job back to pending in one click (the
 * `bulk:retry-failed` channel refuses planned and cancelled jobs). Null when there is nothing to retry.
 */
export function retryFailedLabel(job: { status: BulkJobStatus; counts: BulkCounts }): string | null {
  if (job.status === 'planned' || job.status === 'cancelled' || job.counts.failed === 0) return null;
  return job.counts.failed === 1 ? 'Retry 1 failed post' : `Retry ${job.counts.failed} failed posts`;
}
