import { useId } from 'react';
import type { Progress } from '../../../shared/contract/events';
import { importPercent, importProgressText } from './import-text';

/** The running import: a real progress bar from job:progress events and what it is doing. */
export function ImportProgress({ progress }: { progress: Progress | null }) {
  const detailsId = useId();
  const value = importPercent(progress);
  return (
    <div className="rounded-lg border border-indigo-200 bg-indigo-50/60 p-4 dark:border-indigo-500/30 dark:bg-indigo-500/10">
      <progress
        aria-label="Import progress"
        aria-describedby={detailsId}
        max={100}
        {...(value === null ? {} : { value })}
        className="h-2 w-full overflow-hidden rounded-full bg-indigo-100 accent-indigo-600 dark:bg-indigo-950 [&::-moz-progress-bar]:bg-indigo-600 [&::-webkit-progress-bar]:bg-indigo-100 dark:[&::-webkit-progress-bar]:bg-indigo-950 [&::-webkit-progress-value]:rounded-full [&::-webkit-progress-value]:bg-indigo-600 dark:[&::-webkit-progress-value]:bg-indigo-400"
      />
      <p id={detailsId} aria-live="polite" className="mt-2 text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
        {importProgressText(progress)}
      </p>
    </div>
  );
}
