import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, endOfDay, endOfMonth, format, startOfMonth, startOfWeek } from 'date-fns';

/** A calendar day in the creator's time zone, `yyyy-MM-dd`. Plain strings keep state serialisable. */
export type DayKey = string;

export type CalendarView = 'month' | 'week';

/** Monday, as the creator's week start. */
export const WEEK_STARTS_ON = 1;

/** When a post dropped from "Unscheduled" goes out if nothing better is known. */
export const DEFAULT_POSTING_TIME = '09:00';

export interface CalendarDay {
  key: DayKey;
  /** Midnight of that day in the time zone. */
  date: TZDate;
  inMonth: boolean;
  isToday: boolean;
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/u;
const TIME = /^(\d{2}):(\d{2})$/u;

/** Midnight of a day key in a time zone. */
export function dayStart(key: DayKey, timeZone: string): TZDate {
  const match = DAY_KEY.exec(key);
  if (!match) throw new Error(`Not a day: ${key}`);
  return new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), timeZone);
}

/** The day an instant falls on in a time zone. */
export function dayKeyOf(instant: string | Date, timeZone: string): DayKey {
  return format(new TZDate(new Date(instant).getTime(), timeZone), 'yyyy-MM-dd');
}

/** The local hour (0–23) of an instant in a time zone. */
export function hourOf(instant: string, timeZone: string): number {
  return new TZDate(new Date(instant).getTime(), timeZone).getHours();
}

/** `HH:mm` of an instant in a time zone. */
export function timeOf(instant: string, timeZone: string): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), 'HH:mm');
}

/** The UTC ISO instant of a local day and `HH:mm` time; a time inside a DST gap moves forward. */
export function atLocalTime(key: DayKey, time: string, timeZone: string): string {
  const match = TIME.exec(time);
  if (!match) throw new Error(`Not a time: ${time}`);
  const day = dayStart(key, timeZone);
  const local = new TZDate(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    Number(match[1]),
    Number(match[2]),
    timeZone,
  );
  return new Date(local.getTime()).toISOString();
}

/** Moves an instant to another day, keeping its local time of day (across DST changes). */
export function moveToDay(instant: string, key: DayKey, timeZone: string): string {
  return atLocalTime(key, timeOf(instant, timeZone), timeZone);
}

/** Moves an instant to an hour slot on a day, keeping its minutes. */
export function moveToSlot(instant: string, key: DayKey, hour: number, timeZone: string): string {
  const minutes = timeOf(instant, timeZone).slice(3);
  return atLocalTime(key, `${String(hour).padStart(2, '0')}:${minutes}`, timeZone);
}

/** The days to show: whole weeks covering the anchor's month, or the anchor's week. */
export function visibleDays(
  view: CalendarView,
  anchor: DayKey,
  timeZone: string,
  now: Date = new Date(),
): CalendarDay[] {
  const start = dayStart(anchor, timeZone);
  const today = dayKeyOf(now, timeZone);
  const first = startOfWeek(view === 'month' ? startOfMonth(start) : start, { weekStartsOn: WEEK_STARTS_ON });
  const count = view === 'month' ? weeksInMonthGrid(start) * 7 : 7;
  const month = start.getMonth();
  return Array.from({ length: count }, (_, i) => {
    const date = new TZDate(addDays(first, i).getTime(), timeZone);
    const key = format(date, 'yyyy-MM-dd');
    return { key, date, inMonth: view === 'week' || date.getMonth() === month, isToday: key === today };
  });
}

function weeksInMonthGrid(inMonth: TZDate): number {
  const first = startOfWeek(startOfMonth(inMonth), { weekStartsOn: WEEK_STARTS_ON });
  const last = endOfMonth(inMonth);
  let weeks = 0;
  for (let day = first; day <= last; day = addDays(day, 7)) weeks += 1;
  return weeks;
}

/** The UTC range [from, to] (inclusive) covering the given days. */
export function rangeOf(days: CalendarDay[], timeZone: string): { from: string; to: string } {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) throw new Error('No days to cover');
  return {
    from: new Date(first.date.getTime()).toISOString(),
    to: new Date(endOfDay(dayStart(last.key, timeZone)).getTime()).toISOString(),
  };
}

/** The anchor one month or week before or after. */
export function shiftAnchor(view: CalendarView, anchor: DayKey, step: 1 | -1, timeZone: string): DayKey {
  const start = dayStart(anchor, timeZone);
  const next = view === 'month' ? addMonths(start, step) : addWeeks(start, step);
  return format(next, 'yyyy-MM-dd');
}

/** The heading for the visible period, e.g. "December 2026" or "Nov 30 – Dec 6, 2026". */
export function periodTitle(view: CalendarView, anchor: DayKey, timeZone: string): string {
  const start = dayStart(anchor, timeZone);
  if (view === 'month') return format(start, 'MMMM yyyy');
  const first = startOfWeek(start, { weekStartsOn: WEEK_STARTS_ON });
  const last = addDays(first, 6);
  const sameYear = first.getFullYear() === last.getFullYear();
  return `${format(first, sameYear ? 'MMM d' : 'MMM d, yyyy')} – ${format(last, 'MMM d, yyyy')}`;
}

/** The accessible name of a day cell, e.g. "Tuesday, December 1, 2026". */
export function dayLabel(key: DayKey, timeZone: string): string {
  return format(dayStart(key, timeZone), 'EEEE, MMMM d, yyyy');
}

/** A short local time for cards, e.g. "9:00 AM". */
export function shortTime(instant: string, timeZone: string): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), 'h:mm a');
}

/** A `HH:mm` time as the cards show it, e.g. "09:00" -> "9:00 AM". */
export function clockLabel(time: string): string {
  const match = TIME.exec(time);
  if (!match) return time;
  const hour = Number(match[1]);
  return `${hour % 12 === 0 ? 12 : hour % 12}:${match[2]} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** The label of an hour row, e.g. "9 AM". */
export function hourLabel(hour: number): string {
  const suffix = hour < 12 ? 'AM' : 'PM';
  return `${hour % 12 === 0 ? 12 : hour % 12} ${suffix}`;
}

/** The zone's own idea of today, as the default anchor. */
export function todayKey(timeZone: string, now: Date = new Date()): DayKey {
  return dayKeyOf(now, timeZone);
}
