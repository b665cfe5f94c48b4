import type { GoalStatus } from '../../../shared/domain/coach';
import { streakText, thisWeekText } from './milestone-text';

/** The cadence streak: weeks in a row the planned posts went out, the best run, and this week so far. */
export function StreakPanel({ streak }: { streak: GoalStatus['streak'] }) {
  const { published, target } = streak.thisWeek;
  return (
    <div className="space-y-3 text-sm">
      <p className="flex items-baseline gap-2">
        <span className="text-3xl font-semibold tracking-tight">{streak.current}</span>
        <span className="text-zinc-600 dark:text-zinc-400">{streakText(streak)}</span>
      </p>
      <div>
        <div
          role="progressbar"
          aria-label="Posts published this week"
          aria-valuemin={0}
          aria-valuemax={target}
          aria-valuenow={Math.min(published, target)}
          className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div
            className="h-full rounded-full bg-emerald-500"
            style={{ width: `${Math.min(1, published / target) * 100}%` }}
          />
        </div>
        <p className="mt-1.5 text-xs text-zinc-500 dark:text-zinc-400">{thisWeekText(streak)}</p>
      </div>
    </div>
  );
}
