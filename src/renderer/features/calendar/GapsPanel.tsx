import { Card } from '../../ui/Card';
import { todayKey } from './calendar-dates';
import { gapSentence, gapWindow, weekLabel } from './queue-text';
import { useQueue } from './queue.store';

/** Each coming week against the cadence: how many posts are planned and which free slots would fill it. */
export function GapsPanel() {
  const gaps = useQueue((state) => state.gaps);
  if (!gaps) return null;
  const thisWeek = gapWindow(todayKey(gaps.timezone), 1).from;
  return (
    <Card title="Weeks against your cadence">
      <ul className="flex flex-col gap-2">
        {gaps.weeks.map((week) => {
          const label = weekLabel(week.weekStart, thisWeek);
          const planned = week.scheduled + week.published;
          const short = week.missing > 0 && !week.past;
          return (
            <li
              key={week.weekStart}
              className={`rounded-md px-3 py-2 text-sm ${
                short
                  ? 'bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-100'
                  : 'bg-zinc-50 text-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300'
              }`}
            >
              {short ? (
                <>
                  <span className="font-medium">
                    {gapSentence(
                      label,
                      planned,
                      week.target,
                      week.suggestions.map((slot) => slot.at),
                      gaps.timezone,
                    )}
                  </span>
                  <span className="block text-xs opacity-80">{week.message}</span>
                </>
              ) : (
                <>
                  <span className="font-medium">{label}:</span> {week.message}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
