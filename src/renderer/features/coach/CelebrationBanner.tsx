import { Button } from '../../ui/Button';
import { Icon } from '../../ui/icons';
import type { Celebration } from './coach.store';
import { formatGoalValue, type GoalUnit } from './goal-text';
import { celebrationText } from './milestone-text';

/**
 * The in-app moment for a reached milestone. It stays until the creator dismisses it, which
 * records the milestone as celebrated so it is not shown again.
 */
export function CelebrationBanner({
  celebration,
  unit,
  more,
  onDismiss,
}: {
  celebration: Celebration;
  unit: GoalUnit | null;
  /** How many more milestones wait behind this one. */
  more: number;
  onDismiss: (id: number) => void;
}) {
  const text = celebrationText(celebration);
  return (
    <div
      role="status"
      aria-label={text}
      className="mb-6 flex flex-wrap items-center justify-between gap-4 rounded-xl border border-emerald-300 bg-emerald-50 px-5 py-4 text-emerald-900 shadow-sm dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-100"
    >
      <div className="flex items-center gap-3">
        <span
          aria-hidden="true"
          className="flex size-10 items-center justify-center rounded-full bg-emerald-500 text-white dark:bg-emerald-600"
        >
          <Icon name="sparkles" className="size-6" />
        </span>
        <div>
          <p className="text-lg font-semibold">{text}</p>
          <p className="text-sm text-emerald-800 dark:text-emerald-200">
            {unit ? `You are at ${formatGoalValue(celebration.value, unit)} or more. ` : ''}
            Keep your cadence and the next one follows.
            {more > 0 ? ` (${more} more to celebrate)` : ''}
          </p>
        </div>
      </div>
      <Button variant="secondary" size="sm" onClick={() => onDismiss(celebration.id)}>
        Got it
      </Button>
    </div>
  );
}
