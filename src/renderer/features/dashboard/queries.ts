import type { PostList } from '../../../shared/contract/posts';
import type { Profile } from '../../../shared/domain/profile';
import { getClient } from '../../client/client';

export function getProfile(): Promise<Profile | null> {
  return getClient().invoke('profile:get-profile', {});
}

/** Scheduled and published posts dated inside the range (scheduled time, else last update). */
export function postsInRange(from: string, to: string): Promise<PostList> {
  return getClient().invoke('posts:list-posts', { statuses: ['scheduled', 'published'], from, to, limit: 500 });
}

/** Scheduled posts from now on (the list is newest first; the store sorts them soonest first). */
export function upcomingPosts(from: string): Promise<PostList> {
  return getClient().invoke('posts:list-posts', { statuses: ['scheduled'], from, limit: 500 });
}

/** How many posts are still being worked on (ideas, drafts, ready). */
export function workInProgress(): Promise<PostList> {
  return getClient().invoke('posts:list-posts', { statuses: ['idea', 'draft', 'ready'], limit: 5 });
}
