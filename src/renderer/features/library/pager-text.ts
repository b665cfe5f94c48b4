import type { PostList } from '../../../shared/contract/posts';

const number = (n: number) => n.toLocaleString('en-US');

/**
 * "1–50 of 1,234 posts", or "1–50 of 1,000+ matches, newest first" when a common word matches
 * more posts than the search ranks or counts.
 */
export function pagerText(
  first: number,
  shown: number,
  total: number,
  list: Pick<PostList, 'totalCapped' | 'order'>,
): string {
  if (shown === 0) return '0 posts';
  const range = `${number(first)}–${number(first + shown - 1)}`;
  if (!list.totalCapped) return `${range} of ${number(total)} posts`;
  return `${range} of ${number(total)}+ matches${list.order === 'newest' ? ', newest first' : ''}`;
}

/** With a capped total there may be more pages than the total shows: allow Next while pages are full. */
export function hasNextPage(page: number, pageSize: number, shown: number, total: number, capped: boolean): boolean {
  if (capped) return shown === pageSize;
  return (page + 1) * pageSize < total;
}
