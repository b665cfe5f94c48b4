import type { ZoneClock } from '../../analytics/zone-clock';

const DAY_MS = 86_400_000;

/** Monday (YYYY-MM-DD) of the ISO week holding a calendar day, by integer arithmetic in UTC. */
function mondayOf(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // 0 = Monday
  return new Date(ms - weekday * DAY_MS).toISOString().slice(0, 10);
}

/**
 * What `weeklyStreak` needs from the publishing history, made small: each post's local day
 * (date-only strings, which the streak takes as they are instead of converting every instant with
 * a time-zone library), and of the weeks before the current one only those that met the target,
 * with exactly `perWeek` of their days. A finished week only counts as met or not, so the result
 * is the same; the current week (and any later one) keeps every post because its count is shown.
 * Years of posts then cost the streak a few hundred entries instead of thousands of time-zone
 * conversions.
 */
export function streakDays(publishedAt: Iterable<string>, zone: ZoneClock, today: string, perWeek: number): string[] {
  const thisMonday = mondayOf(today);
  const perDay = new Map<string, number>();
  for (const iso of publishedAt) {
    const day = zone.day(iso);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const weeks = new Map<string, { days: string[]; posts: number }>();
  const out: string[] = [];
  for (const [day, count] of perDay) {
    const monday = mondayOf(day);
    if (monday >= thisMonday) {
      for (let i = 0; i < count; i++) out.push(day);
      continue;
    }
    let week = weeks.get(monday);
    if (!week) weeks.set(monday, (week = { days: [], posts: 0 }));
    for (let i = 0; i < count && week.posts < perWeek; i++, week.posts++) week.days.push(day);
  }
  for (const week of weeks.values()) if (week.posts >= perWeek) out.push(...week.days);
  return out;
}
