import { z } from 'zod';
import {
  abPairSchema,
  analyticsAnomalySchema,
  analyticsOverviewSchema,
  bestTimesSchema,
  postMetricsSchema,
  successFactorsResultSchema,
} from '../domain/analytics';
import { platformSchema } from '../domain/platform';
import { postIdSchema } from '../domain/post';
import { calendarDateSchema } from '../domain/profile';
import { defineChannel } from './channel';

const platformsSchema = z
  .array(platformSchema)
  .min(1, 'Pick at least one platform, or leave platforms out for all')
  .max(20);

const fromBeforeTo = (range: { from?: string; to?: string }): boolean =>
  range.from === undefined || range.to === undefined || range.from <= range.to;
const rangeOrder = { message: 'The start date must be on or before the end date', path: ['to'] };

/** A required day range (creator's time zone, both ends included) and optional platforms. */
export const analyticsRangeSchema = z
  .object({ from: calendarDateSchema, to: calendarDateSchema, platforms: platformsSchema.optional() })
  .strict()
  .refine(fromBeforeTo, rangeOrder);
export type AnalyticsRange = z.output<typeof analyticsRangeSchema>;

/** The same with every part optional (all time, all platforms). */
export const analyticsOptionalRangeSchema = z
  .object({
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
    platforms: platformsSchema.optional(),
  })
  .strict()
  .refine(fromBeforeTo, rangeOrder);
export type AnalyticsOptionalRange = z.output<typeof analyticsOptionalRangeSchema>;

const idSchema = z.number({ message: 'Not an id' }).int('Not an id').positive('Not an id');

export const createAbPairInputSchema = z
  .object({
    postA: postIdSchema,
    postB: postIdSchema,
    platform: platformSchema,
    label: z.string().trim().max(200, 'A label has at most 200 characters').optional(),
  })
  .strict()
  .refine((v) => v.postA !== v.postB, { message: 'Pick two different posts', path: ['postB'] });

export const analyticsChannels = {
  'analytics:get-overview': defineChannel({
    input: analyticsRangeSchema,
    output: analyticsOverviewSchema,
    summary:
      'Dashboard figures for a day range: totals, follower growth, engagement by platform, format, weekday×hour and hashtag, top and bottom posts, revenue and A/B summary.',
  }),
  'analytics:get-post-metrics': defineChannel({
    input: z.object({ postId: postIdSchema }).strict(),
    output: postMetricsSchema,
    summary: 'Per publication of a post: latest counts, engagement rate with its formula, and every snapshot.',
  }),
  'analytics:list-ab-pairs': defineChannel({
    input: z.object({}).strict(),
    output: z.array(abPairSchema),
    summary: 'Every A/B pair with its significance test and plain verdict, newest first.',
  }),
  'analytics:create-ab-pair': defineChannel({
    input: createAbPairInputSchema,
    output: abPairSchema,
    summary: 'Marks two posts published on, or targeting, the same platform as an A/B pair and compares them.',
  }),
  'analytics:delete-ab-pair': defineChannel({
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ id: idSchema }),
    summary: 'Removes an A/B pair (the posts stay).',
  }),
  'analytics:get-success-factors': defineChannel({
    input: analyticsOptionalRangeSchema,
    output: successFactorsResultSchema,
    summary: 'Which post features go with better engagement for this creator, with the evidence.',
  }),
  'analytics:get-best-times': defineChannel({
    input: z.object({ platform: platformSchema }).strict(),
    output: bestTimesSchema,
    summary: "Best posting slots for a platform: the creator's own data blended with published defaults.",
  }),
  'analytics:list-anomalies': defineChannel({
    input: z
      .object({
        from: calendarDateSchema.optional(),
        to: calendarDateSchema.optional(),
        includeDismissed: z.boolean().optional(),
      })
      .strict()
      .refine(fromBeforeTo, rangeOrder),
    output: z.array(analyticsAnomalySchema),
    summary: 'Unusual days in followers and engagement with their likely cause, newest first.',
  }),
  'analytics:dismiss-anomaly': defineChannel({
    input: z.object({ id: idSchema }).strict(),
    output: analyticsAnomalySchema,
    summary: 'Hides an anomaly from the list (it is never raised again).',
  }),
};
