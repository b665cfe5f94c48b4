import type { Platform } from '../../../shared/domain/platform';

/** The raw counters a platform reports for one post; null means "the platform did not say". */
export interface PostMetricValues {
  impressions: number | null;
  reach: number | null;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
}

type Interaction = 'likes' | 'comments' | 'shares' | 'saves' | 'clicks';
type Denominator = 'impressions' | 'reach' | 'views' | 'followers';

/** How one platform defines engagement rate, in words a creator can read in the UI. */
export interface EngagementFormula {
  formula: string;
  denominator: Denominator;
  /** Used when the denominator is null (Instagram and Facebook report reach, older exports only impressions). */
  fallback: 'impressions' | null;
  counts: Interaction[];
  source: string;
}

/**
 * Engagement rate as each platform's own analytics defines it, so the number Cadence shows matches
 * the number the creator sees in the native dashboard. Bluesky and Mastodon report no views, so the
 * only honest denominator there is followers.
 */
export const ENGAGEMENT_FORMULAS: Record<Platform, EngagementFormula> = {
  x: {
    formula: 'Engagement rate = (likes + replies + reposts + clicks) ÷ impressions',
    denominator: 'impressions',
    fallback: null,
    counts: ['likes', 'comments', 'shares', 'clicks'],
    source: 'X analytics: engagements divided by impressions',
  },
  linkedin: {
    formula: 'Engagement rate = (clicks + reactions + comments + reposts) ÷ impressions',
    denominator: 'impressions',
    fallback: null,
    counts: ['clicks', 'likes', 'comments', 'shares'],
    source: 'LinkedIn page analytics: engagement rate',
  },
  instagram: {
    formula: 'Engagement rate = (likes + comments + shares + saves) ÷ reach (impressions when reach is missing)',
    denominator: 'reach',
    fallback: 'impressions',
    counts: ['likes', 'comments', 'shares', 'saves'],
    source: 'Instagram insights: interactions divided by accounts reached',
  },
  facebook: {
    formula: 'Engagement rate = (reactions + comments + shares + clicks) ÷ reach (impressions when reach is missing)',
    denominator: 'reach',
    fallback: 'impressions',
    counts: ['likes', 'comments', 'shares', 'clicks'],
    source: 'Facebook page insights: engaged users divided by people reached',
  },
  youtube: {
    formula: 'Engagement rate = (likes + comments + shares) ÷ views',
    denominator: 'views',
    fallback: null,
    counts: ['likes', 'comments', 'shares'],
    source: 'YouTube Studio: interactions divided by views',
  },
  tiktok: {
    formula: 'Engagement rate = (likes + comments + shares) ÷ views',
    denominator: 'views',
    fallback: null,
    counts: ['likes', 'comments', 'shares'],
    source: 'TikTok analytics: interactions divided by video views',
  },
  threads: {
    formula: 'Engagement rate = (likes + replies + reposts) ÷ views',
    denominator: 'views',
    fallback: null,
    counts: ['likes', 'comments', 'shares'],
    source: 'Threads insights: interactions divided by views',
  },
  bluesky: {
    formula: 'Engagement rate = (likes + replies + reposts) ÷ followers (Bluesky reports no views)',
    denominator: 'followers',
    fallback: null,
    counts: ['likes', 'comments', 'shares'],
    source: 'Bluesky reports no views; followers is the audience that could have seen the post',
  },
  mastodon: {
    formula: 'Engagement rate = (favourites + replies + boosts) ÷ followers (Mastodon reports no views)',
    denominator: 'followers',
    fallback: null,
    counts: ['likes', 'comments', 'shares'],
    source: 'Mastodon reports no views; followers is the audience that could have seen the post',
  },
};

/** The sum of the interactions the platform counts as engagement; a null counter counts as 0. */
export function engagementsOf(platform: Platform, m: PostMetricValues): number {
  return ENGAGEMENT_FORMULAS[platform].counts.reduce((sum, key) => sum + (m[key] ?? 0), 0);
}

/**
 * The audience the rate is divided by, and which counter it came from. Null when unknown or 0:
 * a rate over an unknown audience would be a guess, not a measurement.
 */
export function exposureOf(
  platform: Platform,
  m: PostMetricValues,
  followers?: number | null,
): { kind: Denominator; value: number } | null {
  const f = ENGAGEMENT_FORMULAS[platform];
  const read = (kind: Denominator): number | null => (kind === 'followers' ? (followers ?? null) : m[kind]);
  let kind: Denominator = f.denominator;
  let value = read(kind);
  if (value === null && f.fallback !== null) {
    kind = f.fallback;
    value = read(kind);
  }
  return value !== null && value > 0 ? { kind, value } : null;
}

/** Engagement rate as a fraction (0.042 = 4.2 %), or null when the denominator is missing or 0. */
export function engagementRate(platform: Platform, m: PostMetricValues, followers?: number | null): number | null {
  const exposure = exposureOf(platform, m, followers);
  return exposure === null ? null : engagementsOf(platform, m) / exposure.value;
}
