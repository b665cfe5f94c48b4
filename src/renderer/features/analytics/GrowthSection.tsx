import { lazy, Suspense, useMemo } from 'react';
import type { AnalyticsOverview } from '../../../shared/domain/analytics';
import { formatCalendarDate, formatNumber } from '../../ui/format';
import { Spinner } from '../../ui/Spinner';
import { SectionCard, EmptyNote } from '../../ui/SectionCard';
import { firstAndLast } from './chart-data';
import { growthLines } from './growth-lines';

/** uPlot loads only when there is a line to draw. */
const LineChart = lazy(() => import('./LineChart'));

/** Followers per account (and in total) across the range. */
export function GrowthSection({ growth }: { growth: AnalyticsOverview['growth'] }) {
  const lines = useMemo(() => growthLines(growth), [growth]);
  const summaryLine = lines[lines.length - 1];
  const ends = summaryLine ? firstAndLast(summaryLine.points) : null;
  return (
    <SectionCard
      title="Followers over time"
      description="From the follower counts you imported or your accounts reported."
    >
      {lines.length === 0 || !ends ? (
        <EmptyNote>
          No follower counts in this range. Import a file of daily followers per account to see growth.
        </EmptyNote>
      ) : (
        <>
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
            {summaryLine?.label}: {formatNumber(ends.first.value ?? 0)} on {formatCalendarDate(ends.first.day)} →{' '}
            {formatNumber(ends.last.value ?? 0)} on {formatCalendarDate(ends.last.day)}.
          </p>
          <Suspense fallback={<Spinner label="Drawing the chart…" />}>
            <LineChart label="Followers over time" lines={lines} />
          </Suspense>
        </>
      )}
    </SectionCard>
  );
}
