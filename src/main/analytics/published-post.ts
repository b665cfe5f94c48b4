import type { PublishedPost } from '../../shared/domain/analytics';
import type { Platform } from '../../shared/domain/platform';
import type { PublicationQueryRow } from './analytics.queries';
import { engagementsOf, exposureOf, type PostMetricValues } from './math/engagement';

const EXCERPT_LENGTH = 200;
/** A # that starts a word (not inside a URL fragment or "C#"), then letters, digits or _. */
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;
const WORD_BEFORE = /[\p{L}\p{N}_&/#]/u;

/** Lower-cased hashtags of a text, without "#", each once, in order of first use. */
export function hashtagsOf(text: string): string[] {
  if (!text.includes('#')) return [];
  const seen = new Set<string>();
  for (const match of text.matchAll(HASHTAG)) {
    if (match.index > 0 && WORD_BEFORE.test(text.charAt(match.index - 1))) continue;
    const tag = (match[1] as string).toLowerCase();
    if (!/^\d+$/.test(tag)) seen.add(tag); // "#1" is a ranking, not a hashtag
  }
  return [...seen];
}

export function metricValuesOf(row: PostMetricValues): PostMetricValues {
  return {
    impressions: row.impressions,
    reach: row.reach,
    views: row.views,
    likes: row.likes,
    comments: row.comments,
    shares: row.shares,
    saves: row.saves,
    clicks: row.clicks,
  };
}

/** The first 200 characters with whitespace collapsed; cheap on long bodies (runs per row of a 5k-post range). */
function excerptOf(body: string): string {
  // Replaces only runs and non-space whitespace: a plain /\s+/g rewrote every single space and cost
  // more than everything else the overview does per row.
  const flat = body
    .slice(0, EXCERPT_LENGTH * 3)
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  let cut = flat.slice(0, EXCERPT_LENGTH - 1);
  // Never split an emoji or other astral character in half.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** What a body yields for every row that shows it; pure functions of the text. */
interface BodyDerived {
  excerpt: string;
  hashtags: string[];
}

/** Bodies kept (the dashboard reads the same few thousand bodies on every query). */
const MAX_BODIES = 20_000;
const derivedByBody = new Map<string, BodyDerived>();

/**
 * The excerpt and hashtags of a body, computed once per distinct text. Keyed by the text itself,
 * so an edited post simply misses and nothing needs invalidating; the regexes then run once per
 * post version instead of once per row of every dashboard query.
 */
function derivedOf(body: string): BodyDerived {
  let derived = derivedByBody.get(body);
  if (derived === undefined) {
    if (derivedByBody.size >= MAX_BODIES) derivedByBody.clear();
    derived = { excerpt: excerptOf(body), hashtags: hashtagsOf(body) };
    derivedByBody.set(body, derived);
  }
  return derived;
}

/** One publication as the contract shows it; the rate is computed the platform's own way. */
export function toPublishedPost(row: PublicationQueryRow): PublishedPost {
  const platform = row.platform as Platform;
  const { excerpt, hashtags } = derivedOf(row.body);
  const metrics = metricValuesOf(row);
  const exposure = exposureOf(platform, metrics, row.followers_at);
  const engagements = engagementsOf(platform, metrics);
  return {
    publicationId: row.id,
    postId: row.post_id,
    title: row.title,
    excerpt,
    platform,
    accountId: row.account_id,
    accountHandle: row.handle,
    publishedAt: row.published_at,
    url: row.url,
    format: row.format,
    mediaCount: row.media_count,
    // A copy: callers own the arrays they are given.
    hashtags: hashtags.slice(),
    ...metrics,
    engagements,
    engagementRate: exposure === null ? null : engagements / exposure.value,
    exposure,
  };
}
