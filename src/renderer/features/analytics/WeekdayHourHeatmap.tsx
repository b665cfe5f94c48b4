import { useMemo } from 'react';
import type { HeatmapCell } from '../../../shared/domain/analytics';
import { SectionCard, EmptyNote } from '../../ui/SectionCard';
import { formatHourSlot, formatRate, plural, WEEKDAY_NAMES, WEEKDAY_SHORT } from './analytics-format';
import { heatmapGrid } from './heatmap';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Mean engagement rate by weekday and hour (creator's time zone) as a table of shaded cells. */
export function WeekdayHourHeatmap({ cells, timezone }: { cells: readonly HeatmapCell[]; timezone: string }) {
  const grid = useMemo(() => heatmapGrid(cells), [cells]);
  const hasPosts = cells.some((c) => c.posts > 0);
  return (
    <SectionCard
      title="By weekday and hour"
      description={`Mean engagement rate of the posts that went out in each hour (${timezone}). Darker is better; empty cells had no posts.`}
    >
      {!hasPosts ? (
        <EmptyNote>No published posts in this range.</EmptyNote>
      ) : (
        <div className="overflow-x-auto">
          <table
            aria-label="Engagement by weekday and hour"
            className="w-full border-separate border-spacing-0.5 text-xs"
          >
            <thead>
              <tr>
                <td />
                {HOURS.map((h) => (
                  <th key={h} scope="col" className="font-normal text-zinc-500 dark:text-zinc-400">
                    <span aria-hidden="true">{h % 3 === 0 ? h : ''}</span>
                    <span className="sr-only">{formatHourSlot(h)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.map((row, weekday) => (
                <tr key={weekday}>
                  <th scope="row" className="pr-2 text-left font-medium text-zinc-600 dark:text-zinc-400">
                    <abbr title={WEEKDAY_NAMES[weekday]} className="no-underline">
                      {WEEKDAY_SHORT[weekday]}
                    </abbr>
                  </th>
                  {row.map((cell) => {
                    const text =
                      cell.posts === 0
                        ? 'no posts'
                        : `${plural(cell.posts, 'post')}, mean rate ${formatRate(cell.meanRate)}`;
                    return (
                      <td
                        key={cell.hour}
                        title={`${WEEKDAY_NAMES[weekday]} ${formatHourSlot(cell.hour)}: ${text}`}
                        className="h-6 min-w-4 rounded-sm bg-zinc-100 dark:bg-zinc-800"
                      >
                        <span
                          aria-hidden="true"
                          className="block h-6 rounded-sm bg-indigo-600 dark:bg-indigo-400"
                          style={{ opacity: cell.shade }}
                        />
                        <span className="sr-only">{text}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}
