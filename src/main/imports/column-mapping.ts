import type { ColumnMapping, ImportField, ImportKind } from '../../shared/domain/imports';

/** Header spellings for each field, after normalising (lower case, separators as "_"). */
const ALIASES: Record<string, ImportField> = {};
function alias(field: ImportField, names: string[]): void {
  for (const name of names) ALIASES[name] = field;
}
alias('text', ['text', 'body', 'content', 'post', 'caption', 'post_text', 'message']);
alias('title', ['title']);
alias('platform', ['platform', 'network']);
// In an account-metrics file the same headers name the day (see mapColumns).
alias('published_at', ['published_at', 'date', 'posted_at', 'time', 'published', 'publish_date', 'timestamp']);
alias('captured_at', ['captured_at', 'collected_at', 'as_of']);
alias('account', ['account', 'handle', 'username', 'user', 'screen_name']);
alias('url', ['url', 'link', 'permalink']);
alias('external_id', ['id', 'external_id', 'post_id']);
alias('impressions', ['impressions']);
alias('reach', ['reach']);
alias('views', ['views', 'video_views', 'plays']);
alias('likes', ['likes', 'favorites', 'reactions']);
alias('comments', ['comments', 'replies']);
alias('shares', ['shares', 'reposts', 'retweets', 'boosts']);
alias('saves', ['saves', 'bookmarks']);
alias('clicks', ['clicks', 'link_clicks']);
alias('format', ['format', 'type', 'template']);
alias('media_count', ['media', 'media_count']);
alias('followers', ['followers', 'follower_count', 'followers_count']);
alias('tags', ['tags', 'hashtags']);

/** "Published At", "published-at" and "PUBLISHED_AT" all become "published_at". */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .replace(/^_+|_+$/g, '');
}

/** The file's columns understood: which field each feeds (the first column wins a field). */
export interface ResolvedColumns {
  kind: ImportKind;
  /** field → the column (as written in the file) it is read from. */
  columnOf: Partial<Record<ImportField, string>>;
  mapping: ColumnMapping;
}

/**
 * Maps headers to fields and decides the kind: a file with a text column holds posts; one without
 * text but with followers holds account metrics. Returns null when it is neither (no text column).
 */
export function mapColumns(headers: string[], forcedKind?: ImportKind): ResolvedColumns | null {
  const columnOf: Partial<Record<ImportField, string>> = {};
  const unrecognised: string[] = [];
  for (const header of headers) {
    const field = ALIASES[normaliseHeader(header)];
    if (field && columnOf[field] === undefined) columnOf[field] = header;
    else unrecognised.push(header);
  }
  const kind: ImportKind | null =
    forcedKind ?? (columnOf.text ? 'posts' : columnOf.followers ? 'account-metrics' : null);
  if (kind === null) return null;
  if (kind === 'account-metrics' && columnOf.published_at !== undefined) {
    columnOf.date = columnOf.published_at;
    delete columnOf.published_at;
  }
  const mapped = headers.flatMap((column) => {
    const field = (Object.keys(columnOf) as ImportField[]).find((f) => columnOf[f] === column);
    return field ? [{ column, field }] : [];
  });
  return { kind, columnOf, mapping: { mapped, unrecognised } };
}
