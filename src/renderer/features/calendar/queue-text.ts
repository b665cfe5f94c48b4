import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';

const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Wed 9:00": a slot's weekday and time in the creator's zone (24-hour, no leading zero). */
export function slotShortLabel(instant: string, timeZone: string): string {
  const local = new TZDate(new Date(instant).getTime(), timeZone);
  return `${WEEKDAY_SHORT[local.getDay()] ?? '?'} ${local.getHours()}:${String(local.getMinutes()).padStart(2, '0')}`;
}

/** "This week", "Next week", or "Week of Jun 8" for the week starting on `weekStart` (YYYY-MM-DD). */
export function weekLabel(weekStart: string, thisWeekStart: string): string {
  if (weekStart === thisWeekStart) return 'This week';
  const [y, m, d] = thisWeekStart.split('-').map(Number);
  const next = addDays(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)), 7)
    .toISOString()
    .slice(0, 10);
  if (weekStart === next) return 'Next week';
  const [wy, wm, wd] = weekStart.split('-').map(Number);
  const date = new Date(Date.UTC(wy ?? 1970, (wm ?? 1) - 1, wd ?? 1));
  return `Week of ${new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date)}`;
}

/**
 * "This week: 1 of 3 posts planned — 2 free slots: Wed 9:00, Fri 9:00". Lists at most `maxSlots`
 * slots and says how many more there are.
 */
export function gapSentence(
  label: string,
  planned: number,
  target: number,
  freeSlots: readonly string[],
  timeZone: string,
  maxSlots = 4,
): string {
  const head = `${label}: ${planned} of ${target} ${target === 1 ? 'post' : 'posts'} planned`;
  if (freeSlots.length === 0) return `${head} — no free slots left; add slots or move a post`;
  const shown = freeSlots.slice(0, maxSlots).map((slot) => slotShortLabel(slot, timeZone));
  const more = freeSlots.length > maxSlots ? ` and ${freeSlots.length - maxSlots} more` : '';
  const count = `${freeSlots.length} free ${freeSlots.length === 1 ? 'slot' : 'slots'}`;
  return `${head} — ${count}: ${shown.join(', ')}${more}`;
}

/** The Monday of the week holding `day` (YYYY-MM-DD), and the Sunday `weeks` weeks later: the gap window. */
export function gapWindow(day: string, weeks: number): { from: string; to: string } {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const monday = addDays(date, -((date.getUTCDay() + 6) % 7));
  return {
    from: monday.toISOString().slice(0, 10),
    to: addDays(monday, weeks * 7 - 1)
      .toISOString()
      .slice(0, 10),
  };
}

/** Consecutive items grouped by their local day, keeping the server's time order. */
export function groupByDay<T extends { day: string }>(items: readonly T[]): { day: string; items: T[] }[] {
  const groups: { day: string; items: T[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last?.day === item.day) last.items.push(item);
    else groups.push({ day: item.day, items: [item] });
  }
  return groups;
}
