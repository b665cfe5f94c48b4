import type { GoalStatus } from '../../../shared/domain/coach';
import { milestoneRows } from './milestone-text';

const MARK = { reached: '✓', next: '→', later: '·' } as const;
const STATE_TEXT = { reached: 'reached', next: 'next', later: 'later' } as const;

/** The goal's milestones: reached ones ticked with their dates, the next one with its due date. */
export function MilestoneList({ status, timeZone }: { status: GoalStatus; timeZone?: string }) {
  const rows = milestoneRows(status.milestones, status.unit, timeZone);
  if (rows.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">No milestones yet.</p>;
  return (
    <ol aria-label="Milestones" className="space-y-2">
      {rows.map((row) => (
        <li
          key={row.id}
          aria-label={`${row.label}: ${STATE_TEXT[row.state]}, ${row.when}`}
          className={`flex items-center justify-between gap-3 rounded-md border px-3 py-2 text-sm ${
            row.state === 'next'
              ? 'border-indigo-300 bg-indigo-50/60 dark:border-indigo-700 dark:bg-indigo-950/30'
              : 'border-zinc-200 dark:border-zinc-800'
          }`}
        >
          <span className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className={`flex size-5 items-center justify-center rounded-full text-xs font-bold ${
                row.state === 'reached'
                  ? 'bg-emerald-500 text-white'
                  : 'border border-zinc-300 text-zinc-500 dark:border-zinc-600 dark:text-zinc-400'
              }`}
            >
              {MARK[row.state]}
            </span>
            <span className={row.state === 'later' ? 'text-zinc-500 dark:text-zinc-400' : 'font-medium'}>
              {row.label}
            </span>
          </span>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">{row.when}</span>
        </li>
      ))}
    </ol>
  );
}
