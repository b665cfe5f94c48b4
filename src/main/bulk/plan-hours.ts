/** A best-time slot as AnalyticsService.bestTimes returns it (weekday 0 = Monday). */
export interface HourSlot {
  weekday: number;
  hour: number;
  score: number;
}

/** Used when no best-time data is available and no time was given. */
export const DEFAULT_HOUR = 9;
/** Hours between two posts on the same day when the best times give no other slot that day. */
const SAME_DAY_GAP_HOURS = 3;

/**
 * The local hour for the `index`-th post (0 = first) on a weekday: that weekday's best slots in
 * score order, else the best slot of any day (a good hour is usually good all week), else 09:00.
 * Extra posts on a day without more slots go SAME_DAY_GAP_HOURS apart, never past 22:00.
 */
export function hourFor(slots: readonly HourSlot[], weekday: number, index: number): number {
  const ranked = [...slots].sort((a, b) => b.score - a.score);
  const sameDay = [...new Set(ranked.filter((s) => s.weekday === weekday).map((s) => s.hour))];
  if (index < sameDay.length) return sameDay[index]!;
  const base = sameDay[0] ?? ranked[0]?.hour ?? DEFAULT_HOUR;
  return Math.min(22, base + SAME_DAY_GAP_HOURS * index);
}
