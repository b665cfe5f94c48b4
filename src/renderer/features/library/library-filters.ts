import { TZDate } from '@date-fns/tz';
import type { PostFilter } from '../../../shared/contract/posts';
import type { Platform } from '../../../shared/domain/platform';
import { POST_STATUSES, type PostStatus } from '../../../shared/domain/post';

/** What the filter bar holds: raw control values, converted to a PostFilter on fetch. */
export interface LibraryFilters {
  query: string;
  /** 'active' is everything but archived, the default view. */
  status: PostStatus | 'active' | 'all';
  platform: Platform | 'all';
  tag: string;
  /** `yyyy-MM-dd` in the creator's zone, or empty. */
  from: string;
  to: string;
}

export const EMPTY_FILTERS: LibraryFilters = {
  query: '',
  status: 'active',
  platform: 'all',
  tag: '',
  from: '',
  to: '',
};

export const PAGE_SIZE = 50;

export const ACTIVE_STATUSES: PostStatus[] = POST_STATUSES.filter((status) => status !== 'archived');

export type FilterProblem = { field: 'tag' | 'to'; message: string };

/** A typed tag as the server stores it (no leading #), or a problem to show beside the field. */
export function normalizeTag(raw: string): { tag: string | undefined } | FilterProblem {
  const tag = raw.trim().replace(/^#+/u, '');
  if (!tag) return { tag: undefined };
  if (/[\s,]/u.test(tag)) return { field: 'tag', message: 'A tag has no spaces or commas' };
  if (tag.length > 64) return { field: 'tag', message: 'A tag has at most 64 characters' };
  return { tag };
}

/** The server filter for one page, or the first problem with the inputs. */
export function toPostFilter(
  filters: LibraryFilters,
  timeZone: string,
  page: number,
): { filter: PostFilter } | { problem: FilterProblem } {
  const tag = normalizeTag(filters.tag);
  if ('field' in tag) return { problem: tag };
  if (filters.from && filters.to && filters.from > filters.to) {
    return { problem: { field: 'to', message: 'The end date is before the start date' } };
  }
  const query = filters.query.trim();
  const filter: PostFilter = { limit: PAGE_SIZE, offset: page * PAGE_SIZE };
  if (query) filter.query = query.slice(0, 500);
  if (filters.status === 'active') filter.statuses = ACTIVE_STATUSES;
  else if (filters.status !== 'all') filter.statuses = [filters.status];
  if (filters.platform !== 'all') filter.platforms = [filters.platform];
  if (tag.tag) filter.tag = tag.tag;
  if (filters.from) filter.from = localInstant(filters.from, timeZone, false);
  if (filters.to) filter.to = localInstant(filters.to, timeZone, true);
  return { filter };
}

/** The first (or last) millisecond of a local day, in UTC, matching how the server stores times. */
export function localInstant(day: string, timeZone: string, endOfDay: boolean): string {
  const [y, m, d] = day.split('-').map(Number);
  const local = endOfDay
    ? new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, 23, 59, 59, 999, timeZone)
    : new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, timeZone);
  return new Date(local.getTime()).toISOString();
}

export function hasActiveFilters(filters: LibraryFilters): boolean {
  return (
    filters.query.trim() !== '' ||
    filters.status !== 'active' ||
    filters.platform !== 'all' ||
    filters.tag.trim() !== '' ||
    filters.from !== '' ||
    filters.to !== ''
  );
}
