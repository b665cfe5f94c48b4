import type { PostStatus } from '../../shared/domain/post';

export const STATUS_LABELS: Record<PostStatus, string> = {
  idea: 'Idea',
  draft: 'Draft',
  ready: 'Ready',
  scheduled: 'Scheduled',
  published: 'Published',
  archived: 'Archived',
};

/** Pill colours per status (Tailwind classes, light + dark). */
export const STATUS_CLASS: Record<PostStatus, string> = {
  idea: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200',
  draft: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  ready: 'bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200',
  scheduled: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-900/50 dark:text-indigo-200',
  published: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200',
  archived: 'bg-zinc-200 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400',
};
