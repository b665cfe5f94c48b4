import { Button } from '../../ui/Button';
import { formatCalendarDate, formatDateTime } from '../../ui/format';
import { Spinner } from '../../ui/Spinner';
import { EmptyNote, SectionError } from '../../ui/SectionCard';
import { METRIC_LABELS } from './report-text';
import { useReports } from './reports.store';

/** Every generated report with its downloads and delete. */
export function ReportList() {
  const { reports, downloading, load, download, remove } = useReports();
  const list = reports.data ?? [];
  if (reports.status === 'error')
    return <SectionError message={`Could not list reports: ${reports.error}`} onRetry={() => void load()} />;
  if (!reports.data) return <Spinner label="Loading reports…" />;
  if (list.length === 0)
    return <EmptyNote>No reports yet. Make the weekly report now, or a custom one above.</EmptyNote>;
  return (
    <ul aria-label="Reports" className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {list.map((report) => (
        <li key={report.id} className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
          <div className="min-w-0 text-sm">
            <p className="font-medium text-zinc-900 dark:text-zinc-100">{report.title}</p>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              {report.kind === 'weekly' ? 'Weekly' : 'Custom'} · {formatCalendarDate(report.from)} to{' '}
              {formatCalendarDate(report.to)} · made {formatDateTime(report.createdAt)}
              {report.kind === 'custom' && ` · ${report.params.metrics.map((m) => METRIC_LABELS[m]).join(', ')}`}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            {(['pdf', 'csv'] as const).map((format) => (
              <Button
                key={format}
                size="sm"
                aria-label={`Download PDF of ${report.title}`.replace('PDF', format.toUpperCase())}
                disabled={downloading !== null}
                onClick={() => void download(report, format)}
              >
                {downloading === `${report.id}:${format}` ? 'Preparing…' : `Download ${format.toUpperCase()}`}
              </Button>
            ))}
            <Button size="sm" variant="ghost" aria-label={`Delete ${report.title}`} onClick={() => void remove(report)}>
              Delete
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
