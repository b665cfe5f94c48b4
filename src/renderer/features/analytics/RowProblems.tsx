/** Rows of a file that were (or will be) skipped, each with its row number and reason. */
export function RowProblems({ title, rows }: { title: string; rows: readonly { row: number; reason: string }[] }) {
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-amber-800 dark:text-amber-300">{title}</h3>
      <div className="max-h-72 overflow-y-auto rounded-lg border border-amber-200 dark:border-amber-900/60">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead className="sticky top-0 bg-amber-50 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            <tr>
              <th scope="col" className="w-20 px-3 py-1.5 font-medium">
                Row
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Reason
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-amber-100 dark:divide-amber-900/40">
            {rows.map((r, i) => (
              <tr key={`${r.row}-${i}`}>
                <td className="px-3 py-1.5 tabular-nums">{r.row}</td>
                <td className="px-3 py-1.5 text-zinc-700 dark:text-zinc-300">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
