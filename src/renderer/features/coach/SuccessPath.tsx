import type { GoalStatus } from '../../../shared/domain/coach';
import { formatCalendarDate } from '../../ui/format';
import { formatGoalValue } from './goal-text';

/** Weeks of the success path shown; the rest follow the same pattern. */
const WEEKS_SHOWN = 4;

/** This week's targets (posts, formats, where the metric should be), then the next few weeks. */
export function SuccessPath({ status }: { status: GoalStatus }) {
  const [thisWeek, ...later] = status.successPath;
  if (!thisWeek) {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">The deadline has passed: no weeks left to plan.</p>;
  }
  const f = (v: number) => formatGoalValue(v, status.unit);
  return (
    <div className="space-y-3 text-sm">
      <dl aria-label="This week's targets" className="grid grid-cols-3 gap-3">
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Posts</dt>
          <dd className="mt-0.5 text-lg font-semibold">{thisWeek.posts}</dd>
        </div>
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Formats</dt>
          <dd className="mt-0.5 font-medium">{thisWeek.formats.length > 0 ? thisWeek.formats.join(', ') : 'Any'}</dd>
        </div>
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">By {formatCalendarDate(thisWeek.weekEnd)}</dt>
          <dd className="mt-0.5 text-lg font-semibold">{f(thisWeek.neededValue)}</dd>
        </div>
      </dl>
      {thisWeek.formats.length === 0 && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          No format stands out in your data yet, so any format counts.
        </p>
      )}
      {later.length > 0 && (
        <table className="w-full text-left text-xs">
          <caption className="sr-only">The next weeks of the success path</caption>
          <thead className="text-zinc-500 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Week of
              </th>
              <th scope="col" className="py-1 font-medium">
                Posts
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Needed by its end
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {later.slice(0, WEEKS_SHOWN - 1).map((week) => (
              <tr key={week.weekStart}>
                <th scope="row" className="py-1 font-normal">
                  {formatCalendarDate(week.weekStart)}
                </th>
                <td className="py-1">{week.posts}</td>
                <td className="py-1 text-right tabular-nums">{f(week.neededValue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
