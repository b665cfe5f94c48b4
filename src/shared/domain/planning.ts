import { z } from 'zod';
import { platformSchema } from './platform';
import { isoDateTimeSchema, postIdSchema, postSchema, postStatusSchema } from './post';
import { abPairSchema } from './analytics';

/** Weekday names as the planning texts print them; index 0 = Monday, like the analytics best times. */
export const PLANNING_WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** A weekly posting slot in the creator's time zone: weekday (0 = Monday), hour and minute. */
export const weeklySlotSchema = z
  .object({
    weekday: z
      .number({ message: 'Pick a weekday (0 = Monday … 6 = Sunday)' })
      .int('Pick a weekday (0 = Monday … 6 = Sunday)')
      .min(0, 'Pick a weekday (0 = Monday … 6 = Sunday)')
      .max(6, 'Pick a weekday (0 = Monday … 6 = Sunday)'),
    hour: z
      .number({ message: 'The hour must be 0–23' })
      .int('The hour must be 0–23')
      .min(0, 'The hour must be 0–23')
      .max(23, 'The hour must be 0–23'),
    minute: z
      .number({ message: 'The minute must be 0–59' })
      .int('The minute must be 0–59')
      .min(0, 'The minute must be 0–59')
      .max(59, 'The minute must be 0–59')
      .default(0),
  })
  .strict();
export type WeeklySlot = z.output<typeof weeklySlotSchema>;

/**
 * Where a slot comes from: the creator's own list ('custom'), a best time on that weekday
 * ('best-time'), or one of the creator's cadence days at an hour that is a best time on other
 * days ('best-hour').
 */
export const slotOriginSchema = z.enum(['custom', 'best-time', 'best-hour']);
export type SlotOrigin = z.infer<typeof slotOriginSchema>;

/** Whose data a best time rests on (as analytics reports it), null for a custom slot that is no best time. */
export const slotEvidenceSchema = z.enum(['yours', 'blended', 'default']).nullable();

/** A weekly slot with where it comes from and why. */
export const planningSlotSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
  /** "Tuesday 09:00". */
  label: z.string(),
  origin: slotOriginSchema,
  evidence: slotEvidenceSchema,
  /** The best-time score of this weekday and hour (1 = an average slot), null when it is not a best time. */
  score: z.number().nullable(),
  /** "a best time from your posts". */
  why: z.string(),
});
export type PlanningSlot = z.infer<typeof planningSlotSchema>;

/** One platform's weekly slots: the creator's own list when they saved one, else suggested. */
export const platformSlotsSchema = z.object({
  platform: platformSchema,
  custom: z.boolean(),
  slots: z.array(planningSlotSchema),
  /** How the slots were chosen, in plain words. */
  note: z.string(),
});
export type PlatformSlots = z.infer<typeof platformSlotsSchema>;

export const planningSlotsSchema = z.object({
  timezone: z.string(),
  platforms: z.array(platformSlotsSchema),
});
export type PlanningSlots = z.infer<typeof planningSlotsSchema>;

/** One dated free slot: an instant on a platform's slot list with no post of that platform near it. */
export const freeSlotSchema = z.object({
  platform: platformSchema,
  /** ISO instant (UTC). */
  at: isoDateTimeSchema,
  /** Local YYYY-MM-DD in the creator's zone. */
  day: z.string(),
  weekday: z.number().int().min(0).max(6),
  /** Local HH:MM. */
  time: z.string(),
  /** "Tuesday 09:00". */
  label: z.string(),
  origin: slotOriginSchema,
  evidence: slotEvidenceSchema,
  score: z.number().nullable(),
  why: z.string(),
  /** "Tuesday 09:00 — a best time from your posts". */
  reason: z.string(),
});
export type FreeSlot = z.infer<typeof freeSlotSchema>;

/** A scheduled post as the queue shows it (no full body: the queue is a list). */
export const queuedPostSchema = z.object({
  id: postIdSchema,
  title: z.string(),
  /** The first line of the body, at most 120 characters. */
  excerpt: z.string(),
  status: postStatusSchema,
  platforms: z.array(platformSchema),
  version: z.number().int().positive(),
});

export const queueItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('post'),
    at: isoDateTimeSchema,
    day: z.string(),
    time: z.string(),
    post: queuedPostSchema,
  }),
  z.object({
    kind: z.literal('free'),
    at: isoDateTimeSchema,
    day: z.string(),
    time: z.string(),
    slot: freeSlotSchema,
  }),
]);
export type QueueItem = z.infer<typeof queueItemSchema>;

export const planningQueueSchema = z.object({
  timezone: z.string(),
  /** The window shown: now until now + days. */
  from: isoDateTimeSchema,
  to: isoDateTimeSchema,
  /** Scheduled posts and free slots by time; at the same instant a post comes before a free slot. */
  items: z.array(queueItemSchema),
});
export type PlanningQueue = z.infer<typeof planningQueueSchema>;

/** One ISO week (Monday–Sunday in the creator's zone) against the weekly cadence. */
export const weekGapSchema = z.object({
  weekStart: z.string(),
  weekEnd: z.string(),
  target: z.number().int().positive(),
  scheduled: z.number().int().nonnegative(),
  published: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  /** True once the week is over: nothing can be added any more. */
  past: z.boolean(),
  /** Up to `missing` free slots left in the week, soonest first, at most one per instant. */
  suggestions: z.array(freeSlotSchema),
  message: z.string(),
});
export type WeekGap = z.infer<typeof weekGapSchema>;

export const planningGapsSchema = z.object({
  timezone: z.string(),
  postsPerWeek: z.number().int().positive(),
  weeks: z.array(weekGapSchema),
});
export type PlanningGaps = z.infer<typeof planningGapsSchema>;

export const scheduledIntoSlotSchema = z.object({ post: postSchema, slot: freeSlotSchema });
export type ScheduledIntoSlot = z.infer<typeof scheduledIntoSlotSchema>;

/** How an A/B pair's two slots were chosen. */
export const abSlotStrategySchema = z.enum(['same-slot-next-week', 'adjacent-days']);

export const abScheduleSchema = z.object({
  strategy: abSlotStrategySchema,
  /** Why these two slots, in plain words. */
  explanation: z.string(),
  slotA: freeSlotSchema,
  slotB: freeSlotSchema,
  postA: postSchema,
  postB: postSchema,
  pair: abPairSchema,
});
export type AbSchedule = z.infer<typeof abScheduleSchema>;
