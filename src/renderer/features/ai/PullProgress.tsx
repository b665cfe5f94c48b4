import { type ReactNode, useId } from 'react';
import type { Progress } from '../../../shared/contract/events';
import { Button } from '../../ui/Button';
import type { ActivePull } from './pull.store';
import { usePull } from './pull.store';
import { phaseLabel, progressDetails, progressValue } from './pull-progress';

/**
 * A running download job: a real progress bar, what it is doing, how fast, how long, and Cancel.
 * `label` names the bar for screen readers; `children` is a live note under it.
 */
export function JobProgress({
  title,
  label,
  progress,
  cancelling,
  onCancel,
  children,
}: {
  title: ReactNode;
  label: string;
  progress: Progress | null;
  cancelling: boolean;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const detailsId = useId();
  const value = progressValue(progress);
  const phase = progress ? phaseLabel(progress.phase) : 'Starting';
  const cancellable = progress?.cancellable ?? true;

  return (
    <div className="mt-5 rounded-lg border border-indigo-200 bg-indigo-50/60 p-4 dark:border-indigo-500/30 dark:bg-indigo-500/10">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p className="min-w-0 font-medium break-all text-zinc-900 dark:text-zinc-100">{title}</p>
        <p className="text-zinc-600 dark:text-zinc-400">{phase}</p>
      </div>
      <progress
        aria-label={label}
        aria-describedby={detailsId}
        max={100}
        {...(value === null ? {} : { value })}
        className="h-2 w-full overflow-hidden rounded-full bg-indigo-100 accent-indigo-600 dark:bg-indigo-950 [&::-webkit-progress-bar]:bg-indigo-100 dark:[&::-webkit-progress-bar]:bg-indigo-950 [&::-webkit-progress-value]:rounded-full [&::-webkit-progress-value]:bg-indigo-600 dark:[&::-webkit-progress-value]:bg-indigo-400 [&::-moz-progress-bar]:bg-indigo-600"
      />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
        <p id={detailsId} className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
          {progressDetails(progress)}
        </p>
        <Button size="sm" onClick={onCancel} disabled={cancelling || !cancellable}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </Button>
      </div>
      <div aria-live="polite">{children}</div>
    </div>
  );
}

/** The running Ollama pull. */
export function PullProgress({ pull }: { pull: ActivePull }) {
  return (
    <JobProgress
      title={
        <>
          Pulling <span className="font-mono">{pull.model}</span>
        </>
      }
      label={`Pulling ${pull.model}`}
      progress={pull.progress}
      cancelling={pull.cancelling}
      onCancel={() => void usePull.getState().cancel()}
    >
      {pull.resumedFrom !== null && (
        <p className="mt-1 text-sm text-indigo-800 dark:text-indigo-200">
          Resuming from {pull.resumedFrom}% — the part downloaded earlier was kept.
        </p>
      )}
    </JobProgress>
  );
}
