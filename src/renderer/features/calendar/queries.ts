import type { Post } from '../../../shared/domain/post';
import { getClient } from '../../client/client';
import { DEFAULT_POSTING_TIME } from './calendar-dates';

/** More than this many posts in one visible month is not a calendar a person can read. */
const MAX_SCHEDULED = 2000;
const PAGE = 500;

/** Scheduled and published posts whose time falls in [from, to], up to MAX_SCHEDULED of them. */
export async function fetchScheduled(from: string, to: string): Promise<{ posts: Post[]; total: number }> {
  const posts: Post[] = [];
  let total = 0;
  for (let offset = 0; offset < MAX_SCHEDULED; offset += PAGE) {
    const page = await getClient().invoke('posts:list-posts', {
      statuses: ['scheduled', 'published'],
      from,
      to,
      limit: PAGE,
      offset,
    });
    posts.push(...page.items.filter((post) => post.scheduledAt !== null));
    total = page.total;
    if (offset + PAGE >= page.total) break;
  }
  return { posts, total };
}

/** Drafts and ready posts without a time: the "Unscheduled" side list, newest first. */
export async function fetchUnscheduled(limit: number): Promise<{ posts: Post[]; total: number }> {
  const page = await getClient().invoke('posts:list-posts', { statuses: ['draft', 'ready'], limit });
  return { posts: page.items.filter((post) => post.scheduledAt === null), total: page.total };
}

export interface CalendarProfile {
  timeZone: string;
  /** `HH:mm` for posts dropped from "Unscheduled": the first posting slot, else 09:00. */
  defaultTime: string;
}

/** The creator's zone and first posting time (this machine's zone before onboarding). */
export async function fetchCalendarProfile(): Promise<CalendarProfile> {
  const profile = await getClient().invoke('profile:get-profile', {});
  return {
    timeZone: profile?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    // The profile has no posting slots yet; when it does, the first one goes here.
    defaultTime: DEFAULT_POSTING_TIME,
  };
}

/** Sets or clears a post's time; the server makes it "scheduled" (or "ready" when cleared). */
export function schedulePost(id: string, scheduledAt: string | null): Promise<Post> {
  return getClient().invoke('posts:schedule-post', { id, scheduledAt });
}

/** Calls back when posts change anywhere, or the profile (time zone) changes; returns an unsubscribe. */
export function onCalendarChanged(onPosts: () => void, onProfile: () => void): () => void {
  const offPosts = getClient().on('posts:changed', onPosts);
  const offProfile = getClient().on('profile:changed', onProfile);
  return () => {
    offPosts();
    offProfile();
  };
}
