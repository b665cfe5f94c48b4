import type { Post } from '../../../shared/domain/post';
import { dayKeyOf, hourOf, type DayKey } from './calendar-dates';

/** Scheduled posts by local day, each day in time order. */
export function groupByDay(posts: readonly Post[], timeZone: string): Map<DayKey, Post[]> {
  return groupBy(posts, (at) => dayKeyOf(at, timeZone));
}

/** Scheduled posts by `yyyy-MM-dd:HH` local hour slot, each slot in time order. */
export function groupBySlot(posts: readonly Post[], timeZone: string): Map<string, Post[]> {
  return groupBy(posts, (at) => slotKey(dayKeyOf(at, timeZone), hourOf(at, timeZone)));
}

export function slotKey(day: DayKey, hour: number): string {
  return `${day}:${String(hour).padStart(2, '0')}`;
}

function groupBy(posts: readonly Post[], keyOf: (scheduledAt: string) => string): Map<string, Post[]> {
  const sorted = posts
    .filter((post): post is Post & { scheduledAt: string } => post.scheduledAt !== null)
    .sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
  const groups = new Map<string, Post[]>();
  for (const post of sorted) {
    const key = keyOf(post.scheduledAt);
    const list = groups.get(key);
    if (list) list.push(post);
    else groups.set(key, [post]);
  }
  return groups;
}

export interface CalendarPosts {
  scheduled: Post[];
  unscheduled: Post[];
}

/**
 * The lists after scheduling (or unscheduling) one post, applied before the server answers so
 * a drop feels instant; the caller keeps the previous lists to roll back on failure.
 */
export function withSchedule(lists: CalendarPosts, post: Post, scheduledAt: string | null): CalendarPosts {
  const moved: Post = {
    ...post,
    scheduledAt,
    status: scheduledAt ? 'scheduled' : post.status === 'scheduled' ? 'ready' : post.status,
  };
  const scheduled = lists.scheduled.filter((p) => p.id !== post.id);
  const unscheduled = lists.unscheduled.filter((p) => p.id !== post.id);
  return scheduledAt
    ? { scheduled: [...scheduled, moved], unscheduled }
    : { scheduled, unscheduled: [moved, ...unscheduled] };
}

/** A post in either list by id. */
export function findPost(lists: CalendarPosts, id: string): Post | undefined {
  return lists.scheduled.find((p) => p.id === id) ?? lists.unscheduled.find((p) => p.id === id);
}
