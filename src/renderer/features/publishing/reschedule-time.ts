import { atLocalTime, dayKeyOf, timeOf } from '../calendar/calendar-dates';

const LOCAL_INPUT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/u;

/** The creator's zone, or this computer's when the profile has none yet. */
export function zoneOrLocal(timeZone?: string): string {
  return timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** An instant as a `datetime-local` value ("2026-06-03T09:00") in the creator's zone. */
export function toLocalInput(iso: string, timeZone: string): string {
  return `${dayKeyOf(iso, timeZone)}T${timeOf(iso, timeZone)}`;
}

/** What the picker starts on: the next whole hour after now (a missed slot is moved forward). */
export function defaultRescheduleInput(now: Date, timeZone: string): string {
  const next = new Date(now.getTime() + 60 * 60_000);
  next.setUTCMinutes(0, 0, 0);
  return toLocalInput(next.toISOString(), timeZone);
}

/**
 * A picked wall time in the creator's zone as the instant to send, or why it cannot be used:
 * incomplete, not a real date/time, or not in the future.
 */
export function parseRescheduleInput(
  value: string,
  timeZone: string,
  now: Date,
): { ok: true; at: string } | { ok: false; error: string } {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match?.[1] || !match[2] || !match[3]) return { ok: false, error: 'Pick a date and a time.' };
  const [, day, hours, minutes] = match;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(y, m - 1, d));
  if (calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d || Number(hours) > 23 || Number(minutes) > 59) {
    return { ok: false, error: 'That date or time does not exist.' };
  }
  const at = atLocalTime(day, `${hours}:${minutes}`, timeZone);
  if (Date.parse(at) <= now.getTime()) return { ok: false, error: 'Pick a time in the future.' };
  return { ok: true, at };
}
