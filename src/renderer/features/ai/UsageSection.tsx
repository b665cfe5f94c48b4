import { lazy, Suspense, useMemo } from 'react';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { SectionCard, EmptyNote, SectionError } from '../../ui/SectionCard';
import { ModelComparison } from './ModelComparison';
import { ShareList } from './ShareList';
import { fillDays } from './usage-data';
import { UsageTotals } from './UsageTotals';
import { useUsage } from './usage.store';

/** The chart library loads only when there is something to draw. */
const CostChart = lazy(() => import('./CostChart'));

/** Generations, local share, spend, cost by day, and how each model performed, over a range of days. */
export function UsageSection() {
  const { range, rangeError, status, report, error, setRange } = useUsage();
  const hasUsage = report !== null && report.totals.calls > 0;
  const points = useMemo(() => (report ? fillDays(report.byDay, report.from, report.to) : []), [report]);

  return (
    <SectionCard title="Usage" description="Every generation Cadence made, on this device or in the cloud.">
      <div className="mb-5 flex flex-wrap items-start gap-3">
        {(['from', 'to'] as const).map((end) => (
          <Field key={end} id={`ai-usage-${end}`} label={end === 'from' ? 'From' : 'To'} className="w-44">
            {(control) => (
              <input
                {...control}
                type="date"
                className={inputClass}
                value={range[end]}
                onChange={(e) => setRange({ [end]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      {rangeError && <SectionError message={rangeError} />}
      {status === 'error' && error && <SectionError message={`Could not read usage: ${error}`} />}
      {!report && status === 'loading' && <Spinner label="Adding up usage…" />}
      {report && !hasUsage && (
        <EmptyNote>No generations in this range yet. Draft something with AI in Compose.</EmptyNote>
      )}
      {report && hasUsage && (
        <div className="space-y-8">
          <UsageTotals report={report} />
          <Suspense fallback={<Spinner label="Drawing the chart…" />}>
            <CostChart points={points} />
          </Suspense>
          <div className="grid gap-8 md:grid-cols-2">
            <ShareList title="Generations by task" groups={report.byTask} kind="task" />
            <ShareList title="Generations by provider" groups={report.byProvider} kind="provider" />
          </div>
          <ModelComparison rows={report.byModel} />
        </div>
      )}
    </SectionCard>
  );
}
