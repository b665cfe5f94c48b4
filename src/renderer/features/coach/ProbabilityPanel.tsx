import { useId } from 'react';
import type { GoalStatus } from '../../../shared/domain/coach';
import { methodExplanation, probabilityText } from './goal-text';

/** The success probability as a big figure with its interval and method, or why there is none yet. */
export function ProbabilityPanel({ status }: { status: GoalStatus }) {
  const headingId = useId();
  const text = probabilityText(status);
  const { forecast } = status;
  return (
    <section aria-labelledby={headingId} className="rounded-lg bg-indigo-50 p-4 dark:bg-indigo-950/40">
      <h3 id={headingId} className="text-sm font-medium text-indigo-900 dark:text-indigo-200">
        Success probability
      </h3>
      {text.available ? (
        <>
          <p
            data-testid="success-probability"
            className="mt-1 text-4xl font-semibold tracking-tight text-indigo-700 dark:text-indigo-300"
          >
            {text.figure}
          </p>
          <p className="mt-2 text-sm text-zinc-800 dark:text-zinc-200">
            <span className="font-medium">{text.headline}</span> — {text.interval}, {text.method}.
          </p>
          {forecast.available && (
            <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{methodExplanation(forecast.method)}</p>
          )}
        </>
      ) : (
        <>
          <p data-testid="success-probability" className="mt-1 text-2xl font-semibold text-zinc-700 dark:text-zinc-300">
            Not enough data yet
          </p>
          <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{text.reason}</p>
          {!forecast.available && (
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              {forecast.daysOfData} of {forecast.daysNeeded} days of data so far. Import your history on the Analytics
              page to get a forecast sooner.
            </p>
          )}
        </>
      )}
    </section>
  );
}
