import { TZDate } from '@date-fns/tz';
import { format, getISODay } from 'date-fns';
import { addDays, daysBetween } from './growth';

export interface StreakInput {
  /** ISO instants of published posts; posts after `today` (scheduled ones) are ignored. */
  publishedAt: readonly string[];
  /** The creator's IANA time zone: a week runs Monday 00:00 to Sunday 24:00 on their clock. */
  timezone: string;
  /** Posts per week the creator aims for (a whole number ≥ 1). */
  perWeek: number;
  /** Now, as an ISO instant, or the creator's local date as YYYY-MM-DD. */
  today: string;
}

export interface Streak {
  /** Consecutive weeks meeting the target, ending last week, or this week once it is met. */
  current: number;
  best: number;
  /** Monday (YYYY-MM-DD) of the current week. */
  weekStart: string;
  thisWeek: number;
  thisWeekMet: boolean;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const localDay = (iso: string, zone: string): string =>
  DATE_ONLY.test(iso) ? iso : format(new TZDate(iso, zone), 'yyyy-MM-dd');

/** Monday of the ISO week (Mon–Sun) that holds a calendar day (read in UTC: a date has no zone). */
export function isoWeekStart(date: string): string {
  return addDays(date, 1 - getISODay(new TZDate(Date.parse(date), 'UTC')));
}

/**
 * The weekly cadence streak. Weekly rather than daily because a solo creator's plan is "3 posts a
 * week", and a daily streak punishes a planned day off. The running week cannot break the streak
 * (it is not over yet) but counts as soon as it meets the target.
 */
export function weeklyStreak(input: StreakInput): Streak {
  const { perWeek, timezone } = input;
  if (!(Number.isInteger(perWeek) && perWeek >= 1))
    throw new RangeError(`perWeek must be a whole number ≥ 1, got ${perWeek}`);
  const today = localDay(input.today, timezone);
  const counts = new Map<string, number>();
  for (const iso of input.publishedAt) {
    const day = localDay(iso, timezone);
    if (day > today) continue;
    const week = isoWeekStart(day);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  const met = (week: string) => (counts.get(week) ?? 0) >= perWeek;

  const weekStart = isoWeekStart(today);
  const thisWeek = counts.get(weekStart) ?? 0;
  const thisWeekMet = thisWeek >= perWeek;
  let current = 0;
  for (let w = thisWeekMet ? weekStart : addDays(weekStart, -7); met(w); w = addDays(w, -7)) current++;

  const metWeeks = [...counts.keys()].filter(met).sort();
  let best = 0;
  let run = 0;
  metWeeks.forEach((week, i) => {
    const previous = metWeeks[i - 1];
    run = previous !== undefined && daysBetween(previous, week) === 7 ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return { current, best, weekStart, thisWeek, thisWeekMet };
}
