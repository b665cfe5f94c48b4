import { TZDate } from '@date-fns/tz';

/** An instant as the value of an <input type="datetime-local"> in `timeZone` ("2026-11-25T09:00"). */
export function isoToLocalInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const date = new TZDate(iso, timeZone);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** The datetime-local value, read as wall-clock time in `timeZone`, as a UTC ISO instant. */
export function localInputToIso(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new TZDate(y, mo - 1, d, h, mi, timeZone);
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime()).toISOString();
}
