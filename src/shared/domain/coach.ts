import { z } from 'zod';
import { platformSchema } from './platform';
import { isoDateTimeSchema, postIdSchema, postStatusSchema } from './post';
import { calendarDateSchema, GOAL_METRICS } from './profile';

/**
 * The success coach's shapes (issue #8): goal status with its forecast, today's plan,
 * interventions, cohort comparison, preferences and the progress export. Every figure comes
 * from the creator's own data; where there is too little, the shape says so instead of guessing.
 */

export const goalMetricSchema = z.enum(GOAL_METRICS);
export type GoalMetric = z.infer<typeof goalMetricSchema>;

/** One day of a series (YYYY-MM-DD in the creator's time zone). */
export const seriesPointSchema = z.object({ date: calendarDateSchema, value: z.number() });
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const milestoneSchema = z.object({
  id: z.number().int().positive(),
  /** 0.25, 0.5, 0.75, 1 of the way from the baseline to the target. */
  fraction: z.number(),
  /** The metric value that reaches it. */
  value: z.number(),
  /** When the needed (linear) path reaches it. */
  dueDate: calendarDateSchema,
  reachedAt: isoDateTimeSchema.nullable(),
  celebratedAt: isoDateTimeSchema.nullable(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const forecastBandPointSchema = z.object({
  date: calendarDateSchema,
  point: z.number(),
  lower: z.number(),
  upper: z.number(),
});
export type ForecastBandPoint = z.infer<typeof forecastBandPointSchema>;

/** The forecast at the deadline, or an honest refusal when the history is too short. */
export const goalForecastSchema = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(true),
    /** drift: random walk with drift (levels that accumulate); trend: a fitted line (rates). */
    method: z.enum(['drift', 'trend']),
    point: z.number(),
    lower: z.number(),
    upper: z.number(),
    /** 0.8: the interval holds the deadline value 80 % of the time if the model is right. */
    level: z.number(),
    /** P(metric at the deadline ≥ target), 0–1. */
    probability: z.number().min(0).max(1),
    /** Days of data the model was fitted on. */
    daysOfData: z.number().int().nonnegative(),
    /** The band from tomorrow to the deadline, for the chart. */
    path: z.array(forecastBandPointSchema),
  }),
  z.object({
    available: z.literal(false),
    /** e.g. "Not enough data yet: 3 days of data, need 7." */
    reason: z.string(),
    daysOfData: z.number().int().nonnegative(),
    daysNeeded: z.number().int().positive(),
  }),
]);
export type GoalForecast = z.infer<typeof goalForecastSchema>;

/** One remaining week of the success path. */
export const successWeekSchema = z.object({
  weekStart: calendarDateSchema,
  weekEnd: calendarDateSchema,
  /** Posts to publish that week, from the cadence (the goal's own count when the goal is posts). */
  posts: z.number().int().nonnegative(),
  /** Formats that went with better engagement for this creator (confident factors only). */
  formats: z.array(z.string()),
  /** Where the metric must be at the week's end to stay on the needed path. */
  neededValue: z.number(),
});
export type SuccessWeek = z.infer<typeof successWeekSchema>;

export const streakSchema = z.object({
  /** Weeks in a row (up to the current one) in which the cadence's posts per week were published. */
  current: z.number().int().nonnegative(),
  best: z.number().int().nonnegative(),
  unit: z.literal('weeks'),
  /** Posts published so far this week and the cadence's target. */
  thisWeek: z.object({ published: z.number().int().nonnegative(), target: z.number().int().positive() }),
});
export type Streak = z.infer<typeof streakSchema>;

export const goalStatusSchema = z.object({
  goal: z.object({
    metric: goalMetricSchema,
    target: z.number(),
    deadline: calendarDateSchema,
    startedAt: isoDateTimeSchema,
  }),
  /** How the metric's daily value is computed, in plain words. */
  definition: z.string(),
  /** How to format values: a count, a percentage (values are fractions) or money. */
  unit: z.enum(['count', 'fraction', 'money']),
  baseline: z.number(),
  current: z.number(),
  /** 0–100+ of the way from the baseline to the target; null when target equals baseline. */
  progressPercent: z.number().nullable(),
  daysLeft: z.number().int(),
  series: z.array(seriesPointSchema),
  /** Linear from the baseline at the start to the target at the deadline, one point per day. */
  needed: z.array(seriesPointSchema),
  /** Where the needed path is today; compare with `current`. */
  neededToday: z.number(),
  forecast: goalForecastSchema,
  milestones: z.array(milestoneSchema),
  /** Reached but not yet acknowledged: the UI celebrates these. */
  uncelebrated: z.array(milestoneSchema),
  successPath: z.array(successWeekSchema),
  streak: streakSchema,
});
export type GoalStatus = z.infer<typeof goalStatusSchema>;

/** One figure the plan was built from, shown under the plan so nothing is a black box. */
export const dataUsedSchema = z.object({ label: z.string(), value: z.string() });
export type DataUsed = z.infer<typeof dataUsedSchema>;

export const todayPlanSchema = z.object({
  /** The creator's local day. */
  date: calendarDateSchema,
  createdAt: isoDateTimeSchema,
  what: z.object({ format: z.string().nullable(), reason: z.string() }),
  when: z.object({
    platform: platformSchema.nullable(),
    /** The suggested slot as an instant; null when no slot is left today. */
    at: isoDateTimeSchema.nullable(),
    /** e.g. "18:00 on Instagram". */
    label: z.string(),
    reason: z.string(),
  }),
  idea: z
    .object({ postId: postIdSchema, title: z.string(), status: postStatusSchema, platforms: z.array(platformSchema) })
    .nullable(),
  /** Why this idea, or "Your backlog is empty…". */
  ideaNote: z.string(),
  tip: z.object({ factor: z.string().nullable(), title: z.string(), text: z.string() }),
  goalLine: z.string(),
  dataUsed: z.array(dataUsedSchema),
  message: z.string(),
  suggestedPost: z.string(),
  generatedBy: z.enum(['ai', 'rules']),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  /** Why the rules wrote it (the AI was unavailable, refused or failed); null for AI plans. */
  fallbackReason: z.string().nullable(),
  /** The plan as plain sentences for reading aloud. */
  speech: z.string(),
  /** The draft made from this plan by coach:send-to-compose, if any. */
  sentPostId: postIdSchema.nullable(),
});
export type TodayPlan = z.infer<typeof todayPlanSchema>;

export const INTERVENTION_RULES = [
  'missed-cadence',
  'engagement-falling',
  'token-expired',
  'drafts-piling-up',
] as const;
export const interventionRuleSchema = z.enum(INTERVENTION_RULES);
export type InterventionRule = z.infer<typeof interventionRuleSchema>;

export const interventionActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('suggest-post'), text: z.string() }),
  z.object({ kind: z.literal('reschedule'), postIds: z.array(postIdSchema) }),
  z.object({ kind: z.literal('reconnect'), accountId: z.string() }),
]);
export type InterventionAction = z.infer<typeof interventionActionSchema>;

export const INTERVENTION_STATUSES = ['open', 'snoozed', 'dismissed', 'acted', 'resolved'] as const;
export const interventionSchema = z.object({
  id: z.number().int().positive(),
  rule: interventionRuleSchema,
  /** The rule and its subject, e.g. "token-expired:acc-1". */
  situation: z.string(),
  status: z.enum(INTERVENTION_STATUSES),
  title: z.string(),
  message: z.string(),
  action: interventionActionSchema,
  triggeredAt: isoDateTimeSchema,
  snoozedUntil: isoDateTimeSchema.nullable(),
  closedAt: isoDateTimeSchema.nullable(),
});
export type Intervention = z.infer<typeof interventionSchema>;

/** What the coach learned about one rule: how often the creator acts on it. */
export const ruleInsightSchema = z.object({
  rule: interventionRuleSchema,
  acted: z.number().int().nonnegative(),
  dismissed: z.number().int().nonnegative(),
  snoozed: z.number().int().nonnegative(),
  /** (acted + 1) / (acted + dismissed + 2): the Beta(1,1) posterior mean. */
  actRate: z.number().min(0).max(1),
  /** Dismissed ≥ 3 times and never acted on: raised at most once per 14 days. */
  quieted: z.boolean(),
  /** e.g. "You usually act on reconnect reminders (4 of 5)." */
  sentence: z.string(),
});
export type RuleInsight = z.infer<typeof ruleInsightSchema>;

export const interventionListSchema = z.object({
  /** Open interventions, ordered by how likely the creator acts on them. */
  open: z.array(interventionSchema),
  /** Closed or snoozed ones, newest first. */
  history: z.array(interventionSchema),
  insights: z.array(ruleInsightSchema),
});
export type InterventionList = z.infer<typeof interventionListSchema>;

export const benchmarkComparisonSchema = z.object({
  basis: z.enum(['followers', 'impressions']),
  band: z.string(),
  benchmarkPercent: z.number(),
  /** The creator's rate on the same basis; null when their data lacks that denominator. */
  yourPercent: z.number().nullable(),
  source: z.object({ title: z.string(), url: z.string(), year: z.number().int() }),
  sentence: z.string(),
});
export const cohortPlatformSchema = z.object({
  platform: platformSchema,
  followers: z.number().nullable(),
  posts: z.number().int().nonnegative(),
  comparisons: z.array(benchmarkComparisonSchema),
  /** Set when there is nothing to compare (no benchmark for the platform, no posts). */
  note: z.string().nullable(),
});
export const cohortSchema = z.object({
  platforms: z.array(cohortPlatformSchema),
  aggregates: z.object({ available: z.literal(false), consent: z.boolean(), reason: z.string() }),
});
export type Cohort = z.infer<typeof cohortSchema>;
export type CohortPlatform = z.infer<typeof cohortPlatformSchema>;

export const coachPreferencesSchema = z.object({
  notifyDailyPlan: z.boolean(),
  notifyMilestones: z.boolean(),
  /** Consent to share anonymized aggregates with the sync service (off by default). */
  shareAggregates: z.boolean(),
});
export type CoachPreferences = z.infer<typeof coachPreferencesSchema>;
export const DEFAULT_COACH_PREFERENCES: CoachPreferences = {
  notifyDailyPlan: true,
  notifyMilestones: true,
  shareAggregates: false,
};

export const progressExportSchema = z.object({
  fileName: z.string(),
  mimeType: z.literal('text/markdown'),
  content: z.string(),
});
export type ProgressExport = z.infer<typeof progressExportSchema>;
