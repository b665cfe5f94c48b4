import type { UsageStats } from '../../../shared/domain/llm';
import { formatNumber } from '../../ui/format';
import { formatLatency, formatOptional, formatUsd } from './ai-format';
import { modelKeyLabel } from './labels';

const TH = 'px-3 py-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400';
const TD = 'px-3 py-2.5 text-right tabular-nums text-zinc-700 dark:text-zinc-300';

/** Each model side by side: how many calls, how soon and how fast it answered, ratings, cost. */
export function ModelComparison({ rows }: { rows: readonly UsageStats[] }) {
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => b.calls - a.calls);
  return (
    <div>
      <h3 className="mb-3 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Models compared</h3>
      <div className="-mx-3 overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm">
          <caption className="sr-only">Models compared</caption>
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="col" className={`${TH} text-left`}>
                Model
              </th>
              <th scope="col" className={`${TH} text-right`}>
                Calls
              </th>
              <th scope="col" className={`${TH} text-right`}>
                Avg first token
              </th>
              <th scope="col" className={`${TH} text-right`}>
                Tokens/s
              </th>
              <th scope="col" className={`${TH} text-right`}>
                Avg rating
              </th>
              <th scope="col" className={`${TH} text-right`}>
                Cost
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {sorted.map((row) => (
              <tr key={row.key}>
                <th
                  scope="row"
                  className="px-3 py-2.5 text-left font-mono text-xs font-medium text-zinc-900 dark:text-zinc-100"
                >
                  {modelKeyLabel(row.key)}
                </th>
                <td className={TD}>{formatNumber(row.calls)}</td>
                <td className={TD}>{formatLatency(row.avgTtftMs)}</td>
                <td className={TD}>{formatOptional(row.avgTokensPerSecond)}</td>
                <td className={TD}>{row.avgRating === null ? '—' : `${formatOptional(row.avgRating)} / 5`}</td>
                <td className={TD}>{formatUsd(row.totalCostUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
