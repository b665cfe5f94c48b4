import type { UsageStats } from '../../../shared/domain/llm';
import { formatNumber } from '../../ui/format';
import { providerLabel, taskLabel } from './labels';
import { shareBars } from './usage-data';

/** Horizontal bars of generations per group (task or provider), largest first. */
export function ShareList({
  title,
  groups,
  kind,
}: {
  title: string;
  groups: readonly UsageStats[];
  kind: 'task' | 'provider';
}) {
  const bars = shareBars(groups);
  const name = kind === 'task' ? taskLabel : providerLabel;
  return (
    <div>
      <h3 className="mb-3 text-sm font-semibold text-zinc-900 dark:text-zinc-100">{title}</h3>
      {bars.length === 0 ? (
        <p className="text-sm text-zinc-500">None.</p>
      ) : (
        <ul className="space-y-2">
          {bars.map((bar) => (
            <li key={bar.key} className="grid grid-cols-[8rem_minmax(0,1fr)_3rem] items-center gap-3 text-sm">
              <span className="truncate text-zinc-700 dark:text-zinc-300">{name(bar.key)}</span>
              <span aria-hidden="true" className="h-2 rounded-full bg-zinc-100 dark:bg-zinc-800">
                <span
                  className="block h-full rounded-full bg-indigo-500 dark:bg-indigo-400"
                  style={{ width: `${Math.max(bar.fraction * 100, bar.calls > 0 ? 2 : 0)}%` }}
                />
              </span>
              <span className="text-right text-zinc-900 tabular-nums dark:text-zinc-100">
                {formatNumber(bar.calls)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
