import { TZDate } from '@date-fns/tz';
import { WEEKDAYS } from '../../shared/domain/profile';

type Weekday = (typeof WEEKDAYS)[number];

export interface SlotRequest {
  /** First day, YYYY-MM-DD in the creator's time zone. */
  from: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  to: string;
  postsPerWeek: number;
  days: readonly Weekday[];
}

/** One posting day of the plan; `index` counts posts already on that day (0 for the first). */
export interface PlanDay {
  date: string;
  weekday: number;
  index: number;
}

/**
 * The posting days of a plan: each 7-day window from `from` gets `postsPerWeek` posts on the
 * cadence days in it, in order. With more posts than cadence days, days take a second post (and
 * so on) round-robin; a short last window keeps only the days it holds.
 */
export function planDays(request: SlotRequest): PlanDay[] {
  const out: PlanDay[] = [];
  const wanted = new Set(request.days);
  for (let start = request.from; start <= request.to; start = addDays(start, 7)) {
    const window: { date: string; weekday: number }[] = [];
    for (let d = 0; d < 7; d++) {
      const date = addDays(start, d);
      if (date > request.to) break;
      const weekday = weekdayOf(date);
      if (wanted.has(WEEKDAYS[weekday]!)) window.push({ date, weekday });
    }
    if (window.length === 0) continue;
    const perWeek = Math.min(request.postsPerWeek, fullWindowSlots(request, start, window.length));
    const perDay = new Map<string, number>();
    for (let i = 0; i < perWeek; i++) {
      const day = window[i % window.length]!;
      const index = perDay.get(day.date) ?? 0;
      perDay.set(day.date, index + 1);
      out.push({ ...day, index });
    }
  }
  return out.sort((a, b) => (a.date === b.date ? a.index - b.index : a.date < b.date ? -1 : 1));
}

/** A short last window holds only its days' share (at most as many posts a day as a full week). */
function fullWindowSlots(request: SlotRequest, start: string, daysInWindow: number): number {
  if (addDays(start, 6) <= request.to) return request.postsPerWeek;
  return daysInWindow * Math.ceil(request.postsPerWeek / request.days.length);
}

/**
 * The UTC instant of a local wall-clock time in `timezone` (DST aware: 09:00 in Berlin is 08:00Z
 * in winter and 07:00Z in summer). A time that does not exist (spring-forward gap) moves forward.
 */
export function localTimeToUtc(date: string, hour: number, minute: number, timezone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hour, minute, 0, timezone).getTime()).toISOString();
}

/** 0 = Monday … 6 = Sunday, as the cadence and best-time slots count. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** The last day of a plan of `weeks` weeks starting on `from`. */
export function endOfWeeks(from: string, weeks: number): string {
  return addDays(from, weeks * 7 - 1);
}
