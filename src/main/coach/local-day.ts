import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';

/** The creator's calendar day (YYYY-MM-DD) of an instant, in their time zone. */
export function localDay(instant: Date | string, timezone: string): string {
  return format(new TZDate(typeof instant === 'string' ? new Date(instant) : instant, timezone), 'yyyy-MM-dd');
}

/** The day `n` days after `day` (negative: before). Pure calendar arithmetic, no time zone. */
export function shiftDay(day: string, n: number): string {
  return format(addDays(parseISO(day), n), 'yyyy-MM-dd');
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** Every day from `from` to `to`, inclusive; empty when `to` is before `from`. */
export function dayRange(from: string, to: string): string[] {
  const n = daysBetween(from, to);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => shiftDay(from, i));
}

/** The instant the creator's local day starts (midnight in their zone), as ISO UTC. */
export function startOfLocalDay(day: string, timezone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 0, 0, 0, timezone).toISOString();
}

/** Monday of the ISO week holding `day`. */
export function mondayOf(day: string): string {
  const weekday = (parseISO(day).getDay() + 6) % 7; // 0 = Monday
  return shiftDay(day, -weekday);
}
