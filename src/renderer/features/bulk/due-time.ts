import { atLocalTime, dayKeyOf, timeOf } from '../calendar/calendar-dates';

const LOCAL_INPUT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/u;

/** An instant as a `datetime-local` value ("2026-06-03T09:00") in the job's time zone. */
export function toLocalInput(iso: string, timeZone: string): string {
  return `${dayKeyOf(iso, timeZone)}T${timeOf(iso, timeZone)}`;
}

/** A `datetime-local` value back to a UTC instant in the job's zone; null when it is not a full date and time. */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const match = LOCAL_INPUT.exec(value);
  if (!match?.[1] || !match[2]) return null;
  return atLocalTime(match[1], match[2], timeZone);
}
