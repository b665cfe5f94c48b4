import type { ImportPreview } from '../../../shared/domain/imports';
import { formatDateTime } from '../../ui/format';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { fieldLabel, IMPORT_KIND_LABELS, previewCounts, problemText } from './import-text';
import { RowProblems } from './RowProblems';

/** What Cadence understood from the file, before anything is written. */
export function ImportPreviewView({ fileName, preview }: { fileName: string; preview: ImportPreview }) {
  return (
    <div role="region" aria-label="Import preview" className="space-y-4">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">File</dt>
          <dd className="mt-0.5 font-medium break-all">
            {fileName} ({preview.format.toUpperCase()})
          </dd>
        </div>
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Detected</dt>
          <dd className="mt-0.5 font-medium">{IMPORT_KIND_LABELS[preview.kind]}</dd>
        </div>
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Rows</dt>
          <dd className="mt-0.5 font-medium tabular-nums">{previewCounts(preview)}</dd>
        </div>
        {preview.dateRange && (
          <div>
            <dt className="text-zinc-500 dark:text-zinc-400">Dates</dt>
            <dd className="mt-0.5 font-medium">
              {formatDateTime(preview.dateRange.from)} to {formatDateTime(preview.dateRange.to)}
            </dd>
          </div>
        )}
        {preview.platforms.length > 0 && (
          <div>
            <dt className="text-zinc-500 dark:text-zinc-400">Platforms</dt>
            <dd className="mt-1 flex flex-wrap gap-1.5">
              {preview.platforms.map((p) => (
                <PlatformBadge key={p} platform={p} />
              ))}
            </dd>
          </div>
        )}
      </dl>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Column mapping</h3>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">How the file’s columns are read</caption>
          <thead className="text-xs text-zinc-500 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">
                Column in the file
              </th>
              <th scope="col" className="py-1 font-medium">
                Read as
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {preview.columns.mapped.map(({ column, field }) => (
              <tr key={column}>
                <td className="py-1.5 pr-4 font-mono text-xs">{column}</td>
                <td className="py-1.5">{fieldLabel(field)}</td>
              </tr>
            ))}
            {preview.columns.unrecognised.map((column) => (
              <tr key={column} className="text-zinc-500 dark:text-zinc-400">
                <td className="py-1.5 pr-4 font-mono text-xs">{column}</td>
                <td className="py-1.5">Not used</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.problems.length > 0 && (
        <RowProblems
          title={
            preview.invalidRows > preview.problems.length
              ? `Problems in the first rows (${preview.problems.length} of ${preview.invalidRows} rows shown; the report after the import lists all)`
              : 'Rows with problems (they will be skipped)'
          }
          rows={preview.problems.map((p) => ({ row: p.row, reason: problemText(p) }))}
        />
      )}
    </div>
  );
}
