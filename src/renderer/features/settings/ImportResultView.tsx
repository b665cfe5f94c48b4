import type { ImportResult } from '../../../shared/contract/data';

/** What an import did, as counts. */
export function ImportResultView({ result }: { result: ImportResult }) {
  const rows: [string, string][] = [
    ['Mode', result.mode === 'replace' ? 'Replace' : 'Merge'],
    ['Profile', result.profileImported ? 'Imported' : 'Kept'],
    ['Posts added', String(result.postsAdded)],
    ['Posts updated', String(result.postsUpdated)],
    ['Posts skipped', String(result.postsSkipped)],
    ['Revisions added', String(result.revisionsAdded)],
  ];
  return (
    <div
      role="status"
      aria-label="Import result"
      className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 dark:border-emerald-900 dark:bg-emerald-950/30"
    >
      <p className="text-sm font-semibold text-emerald-900 dark:text-emerald-100">Import finished</p>
      <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-2">
            <dt className="text-emerald-800 dark:text-emerald-200">{label}</dt>
            <dd className="font-medium tabular-nums text-emerald-950 dark:text-emerald-50">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
