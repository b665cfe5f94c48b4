import { z } from 'zod';
import { platformSchema } from './platform';
import { isoDateTimeSchema, postIdSchema } from './post';
import { calendarDateSchema } from './profile';

/*
 * Shapes the analytics domain returns (issue #8). Conventions used throughout:
 * - rates are fractions (0.042 = 4.2 %); null means "cannot be computed honestly" (no denominator);
 * - days are YYYY-MM-DD in the creator's time zone (profile.timezone, UTC without a profile);
 * - weekday 0 = Monday … 6 = Sunday (as in resources/best-time-defaults.json), hour 0–23 local.
 */

const count = z.number().int().nonnegative();
const nullableCount = count.nullable();
const rate = z.number().nonnegative().nullable();

/** The audience an engagement rate is divided by. */
export const exposureKindSchema = z.enum(['impressions', 'reach', 'views', 'followers']);
export type ExposureKind = z.infer<typeof exposureKindSchema>;

export const exposureSchema = z.object({ kind: exposureKindSchema, value: z.number().positive() });
export type Exposure = z.infer<typeof exposureSchema>;

/** The raw counters of a publication or snapshot; null where the platform did not say. */
export const metricCountsSchema = z.object({
  impressions: nullableCount,
  reach: nullableCount,
  views: nullableCount,
  likes: nullableCount,
  comments: nullableCount,
  shares: nullableCount,
  saves: nullableCount,
  clicks: nullableCount,
});
export type MetricCounts = z.infer<typeof metricCountsSchema>;

/** How a platform's engagement rate is computed, in words the UI shows beside the number. */
export const engagementFormulaSchema = z.object({
  /** Short formula, e.g. "Engagement rate = (likes + replies + reposts + clicks) ÷ impressions". */
  formula: z.string(),
  /** Longer explanation from resources/engagement-formulas.json. */
  explanation: z.string(),
  denominator: exposureKindSchema,
  source: z.object({ title: z.string(), url: z.string() }).nullable(),
});
export type EngagementFormulaInfo = z.infer<typeof engagementFormulaSchema>;

/** One post as published on one platform, with its latest counts (reports, coach and the dashboard). */
export const publishedPostSchema = metricCountsSchema.extend({
  publicationId: z.number().int().positive(),
  postId: postIdSchema,
  title: z.string(),
  /** The first 200 characters of the body. */
  excerpt: z.string(),
  platform: platformSchema,
  accountId: z.string().nullable(),
  accountHandle: z.string().nullable(),
  publishedAt: isoDateTimeSchema,
  url: z.string().nullable(),
  format: z.string().nullable(),
  mediaCount: count,
  /** Lower-cased hashtags found in the body, without "#", each once. */
  hashtags: z.array(z.string()),
  /** The interactions this platform counts as engagement, summed. */
  engagements: count,
  engagementRate: rate,
  exposure: exposureSchema.nullable(),
});
export type PublishedPost = z.infer<typeof publishedPostSchema>;

/** A followers level per day (carried forward from the last observation). */
export const followerPointSchema = z.object({ date: calendarDateSchema, followers: count });
export type FollowerPoint = z.infer<typeof followerPointSchema>;

export const accountGrowthSchema = z.object({
  accountId: z.string(),
  platform: platformSchema,
  handle: z.string(),
  series: z.array(followerPointSchema),
});
export type AccountGrowth = z.infer<typeof accountGrowthSchema>;

export const overviewTotalsSchema = z.object({
  postsPublished: count,
  impressions: count,
  views: count,
  engagements: count,
  /** Σ engagements ÷ Σ exposure over the posts whose platform reported its denominator. */
  engagementRate: rate,
  followersStart: nullableCount,
  followersEnd: nullableCount,
  followerGrowth: z.number().int().nullable(),
  /** Percent (12.5 = +12.5 %), null when the start is 0 or unknown. */
  followerGrowthPercent: z.number().nullable(),
});
export type OverviewTotals = z.infer<typeof overviewTotalsSchema>;

export const platformEngagementSchema = z.object({
  platform: platformSchema,
  posts: count,
  engagements: count,
  /** Σ of the denominators of the posts that had one. */
  exposure: count,
  engagementRate: rate,
  formula: engagementFormulaSchema,
});
export type PlatformEngagement = z.infer<typeof platformEngagementSchema>;

/** A group of posts (a format, a hashtag) with the mean of their engagement rates. */
export const groupEngagementSchema = z.object({
  key: z.string(),
  posts: count,
  engagements: count,
  /** Mean of the posts' own rates (posts without a rate are left out of the mean). */
  meanRate: rate,
});
export type GroupEngagement = z.infer<typeof groupEngagementSchema>;

export const heatmapCellSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
  posts: count,
  meanRate: rate,
});
export type HeatmapCell = z.infer<typeof heatmapCellSchema>;

export const revenueTotalsSchema = z.object({
  currency: z.string(),
  revenue: z.number(),
  cost: z.number(),
  /** (revenue − cost) ÷ cost, null when nothing was spent. */
  roi: z.number().nullable(),
});
export const revenuePostSchema = revenueTotalsSchema.extend({ postId: postIdSchema, title: z.string() });
export const revenueSummarySchema = z.object({
  byCurrency: z.array(revenueTotalsSchema),
  /** Up to 10 posts that brought in the most (per currency). */
  topPosts: z.array(revenuePostSchema),
});
export type RevenueSummary = z.infer<typeof revenueSummarySchema>;

export const abSummarySchema = z.object({ pairs: count, decided: count, notEnoughData: count });
export type AbSummary = z.infer<typeof abSummarySchema>;

export const analyticsOverviewSchema = z.object({
  range: z.object({ from: calendarDateSchema, to: calendarDateSchema, timezone: z.string() }),
  totals: overviewTotalsSchema,
  growth: z.object({ accounts: z.array(accountGrowthSchema), total: z.array(followerPointSchema) }),
  byPlatform: z.array(platformEngagementSchema),
  byFormat: z.array(groupEngagementSchema),
  byWeekdayHour: z.array(heatmapCellSchema),
  /** Top 15 hashtags used on at least 2 posts, by mean rate. */
  byHashtag: z.array(groupEngagementSchema),
  /** Best and worst 5 by engagement rate among posts with at least `minExposure`. */
  topPosts: z.array(publishedPostSchema),
  bottomPosts: z.array(publishedPostSchema),
  minExposure: count,
  /** Null when no revenue entry falls in the range. */
  revenue: revenueSummarySchema.nullable(),
  abPairs: abSummarySchema,
});
export type AnalyticsOverview = z.infer<typeof analyticsOverviewSchema>;

export const metricSnapshotSchema = metricCountsSchema.extend({
  capturedAt: isoDateTimeSchema,
  engagements: count,
  engagementRate: rate,
});
export type MetricSnapshot = z.infer<typeof metricSnapshotSchema>;

export const publicationMetricsSchema = z.object({
  publication: publishedPostSchema,
  metricsAt: isoDateTimeSchema.nullable(),
  formula: engagementFormulaSchema,
  /** Every snapshot, oldest first. */
  snapshots: z.array(metricSnapshotSchema),
});
export const postMetricsSchema = z.object({
  postId: postIdSchema,
  publications: z.array(publicationMetricsSchema),
});
export type PostMetrics = z.infer<typeof postMetricsSchema>;

export const abVerdictSchema = z.enum(['significant', 'not_significant', 'not_enough_data']);
export const abComparisonSchema = z.object({
  rateA: z.number(),
  rateB: z.number(),
  engagementsA: count,
  engagementsB: count,
  exposureA: count,
  exposureB: count,
  exposureKind: exposureKindSchema,
  liftPercent: z.number().nullable(),
  pValue: z.number().nullable(),
  confidence: z.number().nullable(),
  winner: z.enum(['a', 'b']).nullable(),
  verdict: abVerdictSchema,
  /** Plain verdict: "B did better: … significant at 95 %" or "Not enough data yet: …". */
  message: z.string(),
});
export type AbComparison = z.infer<typeof abComparisonSchema>;

export const abPairSchema = z.object({
  id: z.number().int().positive(),
  platform: platformSchema,
  label: z.string(),
  createdAt: isoDateTimeSchema,
  postA: z.object({ id: postIdSchema, title: z.string() }),
  postB: z.object({ id: postIdSchema, title: z.string() }),
  comparison: abComparisonSchema,
});
export type AbPair = z.infer<typeof abPairSchema>;

export const successFactorSchema = z.object({
  feature: z.string(),
  label: z.string(),
  /** Relative change of engagement rate that goes with the feature, percent. */
  effectPercent: z.number(),
  /** 90 % bootstrap interval of effectPercent. */
  low: z.number(),
  high: z.number(),
  support: count,
  meanWith: z.number().nullable(),
  meanWithout: z.number().nullable(),
  confident: z.boolean(),
  /** A plain sentence for confident factors, null otherwise. */
  sentence: z.string().nullable(),
});
export type SuccessFactorEvidence = z.infer<typeof successFactorSchema>;

export const successFactorsResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('insufficient'), insufficient: z.string(), postsUsed: count }),
  z.object({
    kind: z.literal('model'),
    postsUsed: count,
    r2: z.number(),
    looR2: z.number(),
    factors: z.array(successFactorSchema),
    /** Features every post shared (nothing to compare), by label. */
    skipped: z.array(z.string()),
    /** The sentences of the confident factors, strongest first. */
    sentences: z.array(z.string()),
  }),
]);
export type SuccessFactorsResult = z.infer<typeof successFactorsResultSchema>;

export const bestTimeSlotSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
  /** Relative: 1 = an average slot (the creator's own average, blended with the studies'). */
  score: z.number(),
  /** yours: the creator's own posts; default: published studies; blended: both. */
  source: z.enum(['yours', 'default', 'blended']),
  /** How many of the creator's posts went out in this slot. */
  posts: count,
  meanRate: rate,
  /** The study behind a default slot (see `sources`). */
  sourceId: z.string().nullable(),
});
export type BestTimeSlot = z.infer<typeof bestTimeSlotSchema>;

export const bestTimesSchema = z.object({
  platform: platformSchema,
  timezone: z.string(),
  postsConsidered: count,
  slots: z.array(bestTimeSlotSchema),
  sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string() })),
  /** A plain sentence on where the slots come from. */
  note: z.string(),
});
export type BestTimes = z.infer<typeof bestTimesSchema>;

export const anomalyMetricSchema = z.enum(['followers', 'engagements']);
export const analyticsAnomalySchema = z.object({
  id: z.number().int().positive(),
  /** Null for the engagement series, which spans every account. */
  accountId: z.string().nullable(),
  accountHandle: z.string().nullable(),
  platform: platformSchema.nullable(),
  metric: anomalyMetricSchema,
  date: calendarDateSchema,
  direction: z.enum(['spike', 'drop']),
  /** Followers gained that day, or engagements of that day's posts. */
  value: z.number(),
  expected: z.number(),
  score: z.number(),
  cause: z.string(),
  detectedAt: isoDateTimeSchema,
  notifiedAt: isoDateTimeSchema.nullable(),
  dismissedAt: isoDateTimeSchema.nullable(),
});
export type AnalyticsAnomaly = z.infer<typeof analyticsAnomalySchema>;
