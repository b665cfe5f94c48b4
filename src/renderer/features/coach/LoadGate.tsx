import type { ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import type { Loadable } from './load-state';

/**
 * The loading, error and retry states every part shares; renders `children` with the data once
 * there is some (a failed reload keeps the old data and shows the error above it).
 */
export function LoadGate<T>({
  state,
  what,
  onRetry,
  children,
}: {
  state: Loadable<T>;
  /** "your goal", "today's plan": used in "Loading your goal…" and "Could not load your goal". */
  what: string;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}) {
  const error = state.status === 'error' && state.error && (
    <div role="alert" className="mb-3 flex flex-wrap items-center gap-3 text-sm text-red-700 dark:text-red-400">
      <span>
        Could not load {what}: {state.error}
      </span>
      <Button size="sm" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
  if (state.data === null) {
    return error || <Spinner label={`Loading ${what}…`} />;
  }
  return (
    <>
      {error}
      {children(state.data)}
    </>
  );
}
