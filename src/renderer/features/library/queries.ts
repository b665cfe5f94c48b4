import type { PostFilter, PostList } from '../../../shared/contract/posts';
import type { PostMetrics } from '../../../shared/domain/analytics';
import type { LibrarySearch, SearchStatus } from '../../../shared/contract/search';
import type { PostStatus } from '../../../shared/domain/post';
import { getClient } from '../../client/client';

/** A listed post; `matchedBy` says which search found it when semantic search ran. */
export type LibraryItem = PostList['items'][number] & { matchedBy?: LibrarySearch['items'][number]['matchedBy'] };

/** A page of search results with how the search ran (hybrid, or full-text with the reason). */
export type SearchPage = PostList & Pick<LibrarySearch, 'mode' | 'reason'>;

/** One page of posts from the server (never the whole library). */
export function fetchPostsPage(filter: PostFilter): Promise<PostList> {
  return getClient().invoke('posts:list-posts', filter);
}

/** Searches by words and meaning (the server falls back to full-text and says why). */
export async function searchLibraryPage(filter: PostFilter & { query: string }): Promise<SearchPage> {
  const result = await getClient().invoke('search:search-library', { ...filter, mode: 'auto' });
  return { ...result, totalCapped: false, order: 'relevance' };
}

/** Whether an embeddings model runs, which one, and how much of the library it has indexed. */
export function fetchSearchStatus(): Promise<SearchStatus> {
  return getClient().invoke('search:get-status', {});
}

/** The creator's time zone, falling back to this machine's before onboarding. */
export async function fetchTimeZone(): Promise<string> {
  const profile = await getClient().invoke('profile:get-profile', {});
  return profile?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Archives posts; resolves with the statuses they had, for undo. */
export async function archivePosts(ids: string[]): Promise<{ id: string; status: PostStatus }[]> {
  const result = await getClient().invoke('posts:set-statuses', {
    items: ids.map((id) => ({ id, status: 'archived' as const })),
  });
  return result.previous;
}

export async function setStatuses(items: { id: string; status: PostStatus }[]): Promise<void> {
  await getClient().invoke('posts:set-statuses', { items });
}

export async function deletePosts(ids: string[]): Promise<string[]> {
  return (await getClient().invoke('posts:delete-posts', { ids })).deleted;
}

export async function restorePosts(ids: string[]): Promise<void> {
  await getClient().invoke('posts:restore-posts', { ids });
}

/** Calls back when the profile (and so maybe the time zone) changes. */
export function onProfileChanged(callback: () => void): () => void {
  return getClient().on('profile:changed', callback);
}

/** Calls back whenever posts change anywhere (this window, another window, an import). */
export function onPostsChanged(callback: () => void): () => void {
  return getClient().on('posts:changed', callback);
}

/** A post's latest metrics per publication (read-only). */
export function fetchPostMetrics(postId: string): Promise<PostMetrics> {
  return getClient().invoke('analytics:get-post-metrics', { postId });
}

/** Calls back when new metrics arrive (metrics sync, manual entry). */
export function onAnalyticsChanged(callback: () => void): () => void {
  return getClient().on('analytics:changed', callback);
}
