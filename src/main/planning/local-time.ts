import { TZDate } from '@date-fns/tz';
import { PLANNING_WEEKDAY_NAMES } from '../../shared/domain/planning';

const DAY_MS = 86_400_000;

/** Where an instant falls on the creator's wall clock. */
export interface LocalTime {
  /** YYYY-MM-DD. */
  day: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
}

/** The calendar day `n` days after `day` (YYYY-MM-DD; calendar arithmetic, no zone involved). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday for a calendar day. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Monday of the ISO week holding `day`. */
export function mondayOf(day: string): string {
  return addDays(day, -weekdayOf(day));
}

/**
 * The instant a local wall time happens in `timezone`. DST-safe through TZDate: a time skipped by
 * a spring-forward change moves forward by the gap (02:30 → 03:30); a repeated autumn time takes
 * its first occurrence.
 */
export function instantAt(day: string, hour: number, minute: number, timezone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, hour, minute, 0, timezone).getTime();
}

/** The creator's wall clock at an instant. */
export function localTime(ms: number, timezone: string): LocalTime {
  const local = new TZDate(ms, timezone);
  const day = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
  return { day, weekday: (local.getDay() + 6) % 7, hour: local.getHours(), minute: local.getMinutes() };
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "09:05". */
export function clockText(hour: number, minute: number): string {
  return `${pad(hour)}:${pad(minute)}`;
}

/** "Tuesday 09:00". */
export function slotLabel(weekday: number, hour: number, minute: number): string {
  return `${PLANNING_WEEKDAY_NAMES[weekday] ?? '?'} ${clockText(hour, minute)}`;
}
