import { addDays, format, parseISO, subDays } from 'date-fns';
import type { UsageStats } from '../../../shared/domain/llm';

/** The share of generations the plan aims to serve on this device. */
export const LOCAL_TARGET = 0.7;

/** A range of calendar days as the date inputs hold them, both ends included (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The last `days` days, today included, in the user's time zone. */
export function lastDays(days: number, now: Date = new Date()): DayRange {
  return { from: format(subDays(now, days - 1), 'yyyy-MM-dd'), to: format(now, 'yyyy-MM-dd') };
}

/** What is wrong with a range, or null: both days given, and the start not after the end. */
export function rangeProblem(range: DayRange): string | null {
  if (!DAY.test(range.from) || !DAY.test(range.to)) return 'Pick a start and an end day';
  if (range.from > range.to) return 'The start must be on or before the end';
  return null;
}

/** The half-open instant range llm:get-usage takes: local midnight of `from` to the midnight after `to`. */
export function rangeToInstants(range: DayRange): { from: string; to: string } {
  return {
    from: parseISO(range.from).toISOString(),
    to: addDays(parseISO(range.to), 1).toISOString(),
  };
}

export interface DayPoint {
  day: string;
  calls: number;
  costUsd: number;
}

/** Every UTC day touched by [fromIso, toIso), with zeros where the report has no row. */
export function fillDays(byDay: readonly UsageStats[], fromIso: string, toIso: string): DayPoint[] {
  const rows = new Map(byDay.map((row) => [row.key, row]));
  const start = new Date(fromIso);
  const end = new Date(Date.parse(toIso) - 1);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start) return [];
  const points: DayPoint[] = [];
  let cursor = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  const last = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate());
  for (; cursor <= last && points.length < 1000; cursor += 86_400_000) {
    const day = new Date(cursor).toISOString().slice(0, 10);
    const row = rows.get(day);
    points.push({ day, calls: row?.calls ?? 0, costUsd: row?.totalCostUsd ?? 0 });
  }
  return points;
}

export interface ShareBar {
  key: string;
  calls: number;
  /** 0..1 of the largest group, for the bar's width. */
  fraction: number;
}

/** Groups by calls, largest first, each with its width relative to the largest. */
export function shareBars(groups: readonly UsageStats[]): ShareBar[] {
  const sorted = [...groups].sort((a, b) => b.calls - a.calls || a.key.localeCompare(b.key));
  const max = sorted[0]?.calls ?? 0;
  return sorted.map((g) => ({ key: g.key, calls: g.calls, fraction: max > 0 ? g.calls / max : 0 }));
}

/** How local share compares with the target, in words. */
export function localShareVerdict(share: number | null): string {
  if (share === null) return 'No successful generations in this range yet.';
  if (share >= LOCAL_TARGET) return 'On target: most drafts stay on this device.';
  return 'Below target: more drafts went to the cloud than planned.';
}
