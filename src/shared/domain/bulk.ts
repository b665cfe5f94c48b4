import { z } from 'zod';
import { platformSchema } from './platform';
import { isoDateTimeSchema, postIdSchema } from './post';
import { calendarDateSchema, WEEKDAYS } from './profile';

/**
 * Bulk generation ("a month of posts for LinkedIn and X about <niche>, 3 per week"): a plan of
 * items (topic, format, platform, due time), then generation item by item. Shared by main and the UI.
 */

/** Post structures a bulk plan rotates through (the same names as the bundled templates). */
export const BULK_FORMATS = [
  'listicle',
  'how-to',
  'story',
  'contrarian-take',
  'case-study',
  'hook-value-cta',
  'announcement',
] as const;
export const bulkFormatSchema = z.enum(BULK_FORMATS, { message: `format is one of: ${BULK_FORMATS.join(', ')}` });
export type BulkFormat = z.infer<typeof bulkFormatSchema>;

export const BULK_JOB_STATUSES = ['planned', 'running', 'paused', 'cancelled', 'done', 'failed'] as const;
export const bulkJobStatusSchema = z.enum(BULK_JOB_STATUSES);
export type BulkJobStatus = z.infer<typeof bulkJobStatusSchema>;

export const BULK_ITEM_STATUSES = ['pending', 'generating', 'done', 'failed', 'cancelled'] as const;
export const bulkItemStatusSchema = z.enum(BULK_ITEM_STATUSES);
export type BulkItemStatus = z.infer<typeof bulkItemStatusSchema>;

/** Most parallel generations a job may run: 1 suits a local model; up to 4 for a cloud model. */
export const MAX_BULK_CONCURRENCY = 4;
/** A plan covers at most this many weeks. */
export const MAX_BULK_WEEKS = 12;

const hourMinuteSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:00');

/** What the creator asked for; kept with the job (bulk_jobs.request). */
export const bulkRequestSchema = z
  .object({
    platforms: z
      .array(platformSchema)
      .min(1, 'Pick at least one platform')
      .refine((p) => new Set(p).size === p.length, 'A platform appears twice'),
    niche: z.string().trim().min(1, 'Say what the posts are about').max(200, 'At most 200 characters'),
    postsPerWeek: z
      .number({ message: 'postsPerWeek must be a number' })
      .int('Posts per week must be a whole number')
      .min(1, 'Plan at least one post a week')
      .max(21, 'At most 21 posts a week'),
    from: calendarDateSchema,
    weeks: z.number().int('Whole weeks only').min(1, 'At least one week').max(MAX_BULK_WEEKS).optional(),
    to: calendarDateSchema.optional(),
    formats: z.array(bulkFormatSchema).min(1, 'Pick at least one format').optional(),
    /** Default: the profile's cadence days. */
    days: z.array(z.enum(WEEKDAYS)).min(1, 'Pick at least one day').optional(),
    /** A fixed local time for every post; default: the best time per platform (else 09:00). */
    time: hourMinuteSchema.optional(),
    concurrency: z.number().int().min(1).max(MAX_BULK_CONCURRENCY, 'At most 4 at once').optional(),
  })
  .strict();
export type BulkRequest = z.output<typeof bulkRequestSchema>;

/** The plan input: the request with exactly one of weeks or an end date. */
export const bulkPlanInputSchema = bulkRequestSchema
  .refine((i) => (i.weeks === undefined) !== (i.to === undefined), {
    message: 'Give either a number of weeks or an end date',
    path: ['weeks'],
  })
  .refine((i) => i.to === undefined || i.to >= i.from, { message: 'The end date is before the start', path: ['to'] })
  .refine((i) => i.to === undefined || daysBetween(i.from, i.to) < MAX_BULK_WEEKS * 7, {
    message: `A plan covers at most ${MAX_BULK_WEEKS} weeks`,
    path: ['to'],
  });
export type BulkPlanInput = z.output<typeof bulkPlanInputSchema>;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const bulkItemSchema = z.object({
  id: z.number().int().positive(),
  jobId: z.string(),
  position: z.number().int().nonnegative(),
  platform: platformSchema,
  topic: z.string(),
  format: bulkFormatSchema,
  dueAt: isoDateTimeSchema,
  status: bulkItemStatusSchema,
  attempts: z.number().int().nonnegative(),
  /** The post this item made (set with the post in one transaction). */
  postId: postIdSchema.nullable(),
  /** Why the last attempt failed, in plain words. */
  error: z.string().nullable(),
  /** The engine's own generation time. */
  generationMs: z.number().nonnegative().nullable(),
  startedAt: isoDateTimeSchema.nullable(),
  finishedAt: isoDateTimeSchema.nullable(),
});
export type BulkItem = z.infer<typeof bulkItemSchema>;

/** Where the topics came from: the AI, or simple patterns of niche × format when no model answered. */
export const bulkTopicsSchema = z.object({
  source: z.enum(['ai', 'fallback', 'mixed']),
  /** A plain sentence for the UI (why patterns were used). */
  note: z.string(),
});
export type BulkTopics = z.infer<typeof bulkTopicsSchema>;

export const bulkCountsSchema = z.object({
  total: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  generating: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
});
export type BulkCounts = z.infer<typeof bulkCountsSchema>;

export const bulkJobSchema = z.object({
  id: z.string(),
  status: bulkJobStatusSchema,
  concurrency: z.number().int().min(1),
  request: bulkRequestSchema,
  topics: bulkTopicsSchema,
  timezone: z.string(),
  counts: bulkCountsSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type BulkJob = z.infer<typeof bulkJobSchema>;

export const bulkJobDetailSchema = z.object({ job: bulkJobSchema, items: z.array(bulkItemSchema) });
export type BulkJobDetail = z.infer<typeof bulkJobDetailSchema>;
