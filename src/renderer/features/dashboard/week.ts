import { TZDate } from '@date-fns/tz';
import { addDays, endOfWeek, format, startOfWeek } from 'date-fns';
import type { Post } from '../../../shared/domain/post';

export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

/** Monday 00:00 to Sunday 23:59:59.999 of the week containing `now`, in `timeZone`, as UTC ISO. */
export function weekRange(now: Date, timeZone: string): { from: string; to: string; days: string[] } {
  const local = new TZDate(now.getTime(), timeZone);
  const start = startOfWeek(local, { weekStartsOn: 1 });
  const end = endOfWeek(local, { weekStartsOn: 1 });
  const days = WEEK_DAYS.map((_, i) => format(addDays(start, i), 'yyyy-MM-dd'));
  return { from: new Date(start.getTime()).toISOString(), to: new Date(end.getTime()).toISOString(), days };
}

/** The calendar day (YYYY-MM-DD, in `timeZone`) a post counts for: its scheduled time, else its last update. */
export function postDay(post: Pick<Post, 'scheduledAt' | 'updatedAt'>, timeZone: string): string {
  return format(new TZDate(new Date(post.scheduledAt ?? post.updatedAt).getTime(), timeZone), 'yyyy-MM-dd');
}

/** Whole days from `today` until `deadline` (both YYYY-MM-DD); negative once past. */
export function daysUntil(deadline: string, today: string): number {
  const ms = Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** "Good morning" / "Good afternoon" / "Good evening" for the hour in `timeZone`. */
export function greetingFor(now: Date, timeZone: string): string {
  const hour = new TZDate(now.getTime(), timeZone).getHours();
  if (hour < 5) return 'Good evening';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}
