import { useId } from 'react';
import { Button } from '../../ui/Button';
import type { ActivePull } from './pull.store';
import { usePull } from './pull.store';
import { phaseLabel, progressDetails, progressValue } from './pull-progress';

/** The running pull: a real progress bar, what it is doing, how fast, how long, and Cancel. */
export function PullProgress({ pull }: { pull: ActivePull }) {
  const detailsId = useId();
  const value = progressValue(pull.progress);
  const phase = pull.progress ? phaseLabel(pull.progress.phase) : 'Starting';
  const cancellable = pull.progress?.cancellable ?? true;

  return (
    <div className="mt-5 rounded-lg border border-indigo-200 bg-indigo-50/60 p-4 dark:border-indigo-500/30 dark:bg-indigo-500/10">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p className="font-medium text-zinc-900 dark:text-zinc-100">
          Pulling <span className="font-mono">{pull.model}</span>
        </p>
        <p className="text-zinc-600 dark:text-zinc-400">{phase}</p>
      </div>
      <progress
        aria-label={`Pulling ${pull.model}`}
        aria-describedby={detailsId}
        max={100}
        {...(value === null ? {} : { value })}
        className="h-2 w-full overflow-hidden rounded-full bg-indigo-100 accent-indigo-600 dark:bg-indigo-950 [&::-webkit-progress-bar]:bg-indigo-100 dark:[&::-webkit-progress-bar]:bg-indigo-950 [&::-webkit-progress-value]:rounded-full [&::-webkit-progress-value]:bg-indigo-600 dark:[&::-webkit-progress-value]:bg-indigo-400 [&::-moz-progress-bar]:bg-indigo-600"
      />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
        <p id={detailsId} className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
          {progressDetails(pull.progress)}
        </p>
        <Button size="sm" onClick={() => void usePull.getState().cancel()} disabled={pull.cancelling || !cancellable}>
          {pull.cancelling ? 'Cancelling…' : 'Cancel'}
        </Button>
      </div>
      <div aria-live="polite">
        {pull.resumedFrom !== null && (
          <p className="mt-1 text-sm text-indigo-800 dark:text-indigo-200">
            Resuming from {pull.resumedFrom}% — the part downloaded earlier was kept.
          </p>
        )}
      </div>
    </div>
  );
}
