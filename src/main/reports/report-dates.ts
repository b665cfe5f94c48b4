import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay, startOfISOWeek, subDays, subWeeks } from 'date-fns';
import type { ReportSchedule } from '../../shared/contract/reports';
import { WEEKDAYS } from '../../shared/domain/profile';

/** A report's range: calendar days (YYYY-MM-DD) in the creator's time zone, both included. */
export interface DayRange {
  from: string;
  to: string;
}

/** The instants a day range covers: from local midnight of `from` up to (excluding) local midnight after `to`. */
export interface InstantRange {
  start: Date;
  end: Date;
}

/** Local midnight of a YYYY-MM-DD day in a time zone. */
export function localMidnight(day: string, timezone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, timezone).getTime());
}

/** The day (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDay(instant: Date, timezone: string): string {
  return format(new TZDate(instant, timezone), 'yyyy-MM-dd');
}

/**
 * The last ISO week (Monday to Sunday) that has fully ended at `now` in the creator's time zone.
 * On a Monday morning that is the week that ended last night.
 */
export function lastCompletedWeek(now: Date, timezone: string): DayRange {
  const monday = subWeeks(startOfISOWeek(new TZDate(now, timezone)), 1);
  return { from: format(monday, 'yyyy-MM-dd'), to: format(addDays(monday, 6), 'yyyy-MM-dd') };
}

/**
 * The instants a day range covers. Across a daylight-saving change a week is 167 or 169 hours,
 * which is why this goes through local midnights instead of adding 7 × 24 hours.
 */
export function rangeInstants(range: DayRange, timezone: string): InstantRange {
  const start = localMidnight(range.from, timezone);
  const [year, month, date] = range.to.split('-').map(Number) as [number, number, number];
  const end = new Date(new TZDate(year, month - 1, date + 1, timezone).getTime());
  return { start, end };
}

/** Monday = 0 … Sunday = 6, the order of WEEKDAYS. */
function isoWeekdayIndex(date: Date): number {
  return (date.getDay() + 6) % 7;
}

/**
 * The latest time at or before `now` the weekly report was due (the schedule's weekday at
 * hour:00 local time), or null when the schedule is off. Used to catch up after the app was
 * closed at that time; croner only triggers the live runs. An hour skipped by a
 * daylight-saving change resolves to the same instant later in that day, as TZDate places it.
 */
export function mostRecentRun(schedule: ReportSchedule, now: Date, timezone: string): Date | null {
  if (!schedule.enabled) return null;
  const wanted = WEEKDAYS.indexOf(schedule.weekday);
  const today = startOfDay(new TZDate(now, timezone));
  for (let back = 0; back <= 7; back++) {
    const day = subDays(today, back);
    if (isoWeekdayIndex(day) !== wanted) continue;
    const due = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), schedule.hour, 0, 0, timezone);
    if (due.getTime() <= now.getTime()) return new Date(due.getTime());
  }
  return null;
}

/** The croner pattern for a schedule: minute 0 of its hour on its weekday (croner: 0 = Sunday). */
export function cronPattern(schedule: ReportSchedule): string {
  const cronWeekday = (WEEKDAYS.indexOf(schedule.weekday) + 1) % 7;
  return `0 ${schedule.hour} * * ${cronWeekday}`;
}

/** "16 – 22 Nov 2026", "28 Dec 2026 – 3 Jan 2027": a range as people write it. */
export function rangeLabel(range: DayRange): string {
  const from = localMidnight(range.from, 'UTC');
  const to = localMidnight(range.to, 'UTC');
  const full = (d: Date): string => format(new TZDate(d, 'UTC'), 'd MMM yyyy');
  if (range.from === range.to) return full(from);
  if (range.from.slice(0, 7) === range.to.slice(0, 7)) {
    return `${format(new TZDate(from, 'UTC'), 'd')} – ${full(to)}`;
  }
  if (range.from.slice(0, 4) === range.to.slice(0, 4)) {
    return `${format(new TZDate(from, 'UTC'), 'd MMM')} – ${full(to)}`;
  }
  return `${full(from)} – ${full(to)}`;
}
