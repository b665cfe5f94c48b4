import { type ReactNode, useId } from 'react';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import type { Loadable } from './load-state';

/** A card named by its heading, so each part of the page is a region screen readers and tests find by name. */
export function CoachSection({
  title,
  description,
  actions,
  children,
  className = '',
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={`min-w-0 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900 ${className}`}
    >
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
            {title}
          </h2>
          {description && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** A muted sentence for parts with nothing to show yet. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
      {children}
    </p>
  );
}

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
