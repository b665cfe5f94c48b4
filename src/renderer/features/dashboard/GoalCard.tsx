import type { Profile } from '../../../shared/domain/profile';
import { Card } from '../../ui/Card';
import { formatCalendarDate, todayIn } from '../../ui/format';
import { GOAL_METRIC_LABELS, describeGoalTarget } from '../../ui/goals';
import { CoachGoalSummary } from '../coach/CoachGoalSummary';
import { daysUntil } from './week';

function daysLeftText(days: number): string {
  if (days > 1) return `${days} days left`;
  if (days === 1) return '1 day left';
  if (days === 0) return 'Due today';
  return `${Math.abs(days)} day${days === -1 ? '' : 's'} past the deadline`;
}

/** The creator's goal as they set it: metric, target, deadline and the days that remain. */
export function GoalCard({ profile }: { profile: Profile }) {
  const { goal, timezone } = profile;
  const days = daysUntil(goal.deadline, todayIn(timezone));
  return (
    <Card title="Your goal">
      <p className="text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">
        {describeGoalTarget(goal)}
      </p>
      <dl className="mt-4 grid grid-cols-3 gap-4 text-sm">
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Metric</dt>
          <dd className="mt-0.5 font-medium">{GOAL_METRIC_LABELS[goal.metric]}</dd>
        </div>
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Deadline</dt>
          <dd className="mt-0.5 font-medium">{formatCalendarDate(goal.deadline)}</dd>
        </div>
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Time left</dt>
          <dd className={`mt-0.5 font-medium ${days < 0 ? 'text-red-600 dark:text-red-400' : ''}`}>
            {daysLeftText(days)}
          </dd>
        </div>
      </dl>
      <CoachGoalSummary />
    </Card>
  );
}
