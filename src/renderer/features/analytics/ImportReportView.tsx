import { Link } from 'react-router';
import type { ImportReport } from '../../../shared/domain/imports';
import { buttonClass } from '../../ui/Button';
import { formatNumber } from '../../ui/format';
import { reportSummary } from './import-text';
import { RowProblems } from './RowProblems';

/** What the import wrote, and every row it skipped with the reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const counts: [string, number][] =
    report.kind === 'posts'
      ? [
          ['Rows read', report.rowsRead],
          ['Posts added', report.postsAdded],
          ['Publications added', report.publicationsAdded],
          ['Publications updated', report.publicationsUpdated],
          ['Metric snapshots added', report.snapshotsAdded],
          ['Accounts added', report.accountsAdded],
          ['Duplicates skipped', report.duplicatesSkipped],
          ['Rows not imported', report.skipped.length],
        ]
      : [
          ['Rows read', report.rowsRead],
          ['Accounts added', report.accountsAdded],
          ['Days of followers added', report.accountDaysAdded],
          ['Duplicates skipped', report.duplicatesSkipped],
          ['Rows not imported', report.skipped.length],
        ];
  return (
    <div role="region" aria-label="Import report" className="space-y-4">
      <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 dark:border-emerald-900 dark:bg-emerald-950/30">
        <p role="status" className="text-sm font-semibold text-emerald-900 dark:text-emerald-100">
          Import finished: {reportSummary(report)}.
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
          {counts.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-2">
              <dt className="text-emerald-800 dark:text-emerald-200">{label}</dt>
              <dd className="font-medium text-emerald-950 tabular-nums dark:text-emerald-50">{formatNumber(value)}</dd>
            </div>
          ))}
        </dl>
        <Link to="/analytics" className={buttonClass('primary', 'sm', 'mt-4')}>
          See the dashboard
        </Link>
      </div>
      {report.skipped.length > 0 && <RowProblems title="Rows not imported" rows={report.skipped} />}
    </div>
  );
}
