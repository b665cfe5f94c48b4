import type { ReactNode } from 'react';
import { barFractions } from './chart-data';

/** One bar: its name, value (already formatted) and optional note under the name. */
export interface Bar {
  key: string;
  label: ReactNode;
  value: number | null;
  display: string;
  note?: ReactNode;
}

/**
 * Horizontal bars as a list (CSS, no chart library): each row reads as "name, value" to screen
 * readers, and the list is named by `label`.
 */
export function BarList({ label, bars, empty }: { label: string; bars: readonly Bar[]; empty: string }) {
  if (bars.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>;
  const fractions = barFractions(bars.map((b) => b.value));
  return (
    <ul aria-label={label} className="space-y-2.5">
      {bars.map((bar, i) => (
        <li
          key={bar.key}
          className="grid grid-cols-[minmax(6rem,10rem)_minmax(0,1fr)_4.5rem] items-center gap-3 text-sm"
        >
          <span className="min-w-0">
            <span className="block truncate text-zinc-800 dark:text-zinc-200">{bar.label}</span>
            {bar.note && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{bar.note}</span>}
          </span>
          <span aria-hidden="true" className="h-2.5 rounded-full bg-zinc-100 dark:bg-zinc-800">
            <span
              className="block h-full rounded-full bg-indigo-500 dark:bg-indigo-400"
              style={{ width: `${Math.max((fractions[i] ?? 0) * 100, bar.value ? 2 : 0)}%` }}
            />
          </span>
          <span className="text-right font-medium text-zinc-900 tabular-nums dark:text-zinc-100">{bar.display}</span>
        </li>
      ))}
    </ul>
  );
}
