import { lazy, Suspense, useId } from 'react';
import type { GoalStatus } from '../../../shared/domain/coach';
import { formatCalendarDate } from '../../ui/format';
import { Spinner } from '../../ui/Spinner';
import { SectionCard } from '../../ui/SectionCard';
import { daysLeftText, describeTarget, paceText, progressText } from './goal-text';
import { MilestoneList } from './MilestoneList';
import { ProbabilityPanel } from './ProbabilityPanel';
import { StreakPanel } from './StreakPanel';
import { SuccessPath } from './SuccessPath';
import { trajectorySummary } from './trajectory-data';

/** The chart library loads only with the Coach page's chart. */
const TrajectoryChart = lazy(() => import('./TrajectoryChart'));

/** Where the creator stands: the goal, progress, the success probability and the trajectory chart. */
export function GoalSection({ status }: { status: GoalStatus }) {
  const summaryId = useId();
  const { goal } = status;
  const progress = status.progressPercent;
  return (
    <SectionCard
      title="Your goal"
      description={status.definition}
      actions={
        <span
          className={`text-sm font-medium ${status.daysLeft < 0 ? 'text-red-600 dark:text-red-400' : 'text-zinc-600 dark:text-zinc-400'}`}
        >
          {daysLeftText(status.daysLeft)}
        </span>
      }
    >
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <div className="space-y-3">
          <p className="text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">
            {describeTarget(goal.metric, goal.target, status.unit)} by {formatCalendarDate(goal.deadline)}
          </p>
          {progress !== null && status.series.length > 0 && (
            <div
              role="progressbar"
              aria-label="Progress to your goal"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.max(0, Math.min(100, Math.round(progress)))}
              aria-valuetext={`${Math.round(progress)} %`}
              className="h-2.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
            >
              <div
                className="h-full rounded-full bg-indigo-500"
                style={{ width: `${Math.max(0, Math.min(100, progress))}%` }}
              />
            </div>
          )}
          <p className="text-sm text-zinc-700 dark:text-zinc-300">{progressText(status)}</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{paceText(status)}</p>
        </div>
        <ProbabilityPanel status={status} />
      </div>

      <figure className="mt-6">
        <figcaption className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          Actual vs needed, with the forecast to the deadline
          {status.forecast.available && (
            <span className="ml-2 text-xs font-normal text-zinc-500 dark:text-zinc-400">
              The shaded band is the {Math.round(status.forecast.level * 100)} % interval.
            </span>
          )}
        </figcaption>
        <Suspense fallback={<Spinner label="Drawing the chart…" />}>
          <TrajectoryChart status={status} summaryId={summaryId} />
        </Suspense>
        <p id={summaryId} className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          {trajectorySummary(status)}
        </p>
      </figure>

      <div className="mt-6 grid gap-6 border-t border-zinc-200 pt-5 md:grid-cols-3 dark:border-zinc-800">
        <div>
          <h3 className="mb-3 text-sm font-semibold">Milestones</h3>
          <MilestoneList status={status} />
        </div>
        <div>
          <h3 className="mb-3 text-sm font-semibold">This week's success path</h3>
          <SuccessPath status={status} />
        </div>
        <div>
          <h3 className="mb-3 text-sm font-semibold">Cadence streak</h3>
          <StreakPanel streak={status.streak} />
        </div>
      </div>
    </SectionCard>
  );
}
