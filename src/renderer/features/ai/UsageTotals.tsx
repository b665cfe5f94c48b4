import type { UsageReport } from '../../../shared/domain/llm';
import { formatNumber } from '../../ui/format';
import { formatShare, formatUsd } from './ai-format';
import { LOCAL_TARGET, localShareVerdict } from './usage-data';

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-lg bg-zinc-50 p-3 dark:bg-zinc-800/50">
      <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-zinc-900 tabular-nums dark:text-zinc-50">{value}</dd>
      {note && <dd className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{note}</dd>}
    </div>
  );
}

/** Totals, the month's spend against its ceiling, and the local share against the 70% target. */
export function UsageTotals({ report }: { report: UsageReport }) {
  const { totals, localShare, month } = report;
  const sharePercent = localShare === null ? 0 : Math.round(localShare * 100);
  return (
    <div className="space-y-5">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat
          label="Generations"
          value={formatNumber(totals.calls)}
          note={`${formatNumber(totals.ok)} finished · ${formatNumber(totals.cancelled)} stopped · ${formatNumber(totals.errors)} failed`}
        />
        <Stat
          label="Tokens"
          value={formatNumber(totals.tokensIn + totals.tokensOut)}
          note={`${formatNumber(totals.tokensIn)} in · ${formatNumber(totals.tokensOut)} out`}
        />
        <Stat label="Cost in range" value={formatUsd(totals.totalCostUsd)} />
        <Stat
          label="Spent this month"
          value={formatUsd(month.spentUsd)}
          note={`of a ${formatUsd(month.ceilingUsd)} ceiling`}
        />
      </dl>
      <div>
        <div className="mb-1.5 flex flex-wrap items-baseline justify-between gap-2 text-sm">
          <span id="ai-local-share" className="font-medium text-zinc-900 dark:text-zinc-100">
            Made on this device: {localShare === null ? '—' : formatShare(localShare)}
          </span>
          <span className="text-zinc-500 dark:text-zinc-400">Target {formatShare(LOCAL_TARGET)}</span>
        </div>
        <div className="relative h-2.5 rounded-full bg-zinc-200 dark:bg-zinc-800">
          <meter
            aria-labelledby="ai-local-share"
            min={0}
            max={100}
            low={LOCAL_TARGET * 100}
            optimum={100}
            value={sharePercent}
            className="sr-only"
          />
          <div
            aria-hidden="true"
            className={`h-full rounded-full ${localShare !== null && localShare >= LOCAL_TARGET ? 'bg-emerald-500' : 'bg-amber-500'}`}
            style={{ width: `${sharePercent}%` }}
          />
          <div
            aria-hidden="true"
            className="absolute -top-1 h-4.5 w-0.5 rounded bg-zinc-700 dark:bg-zinc-300"
            style={{ left: `${LOCAL_TARGET * 100}%` }}
          />
        </div>
        <p className="mt-1.5 text-sm text-zinc-600 dark:text-zinc-400">{localShareVerdict(localShare)}</p>
      </div>
    </div>
  );
}
