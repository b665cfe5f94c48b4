import { z } from 'zod';
import { bulkFormatSchema, bulkJobDetailSchema, bulkJobSchema, bulkPlanInputSchema } from '../domain/bulk';
import { platformSchema } from '../domain/platform';
import { isoDateTimeSchema } from '../domain/post';
import { defineChannel } from './channel';

const jobIdSchema = z.uuid({ message: 'Not a bulk job id' });
const jobOnly = z.object({ jobId: jobIdSchema }).strict();

/**
 * The bulk channels (issue #4, content studio): plan a batch of posts from the cadence, edit the
 * plan, then generate it with progress (job:progress and bulk:changed events), pause, resume and
 * cancel. Jobs survive a restart; see src/main/bulk/README.md.
 */
export const bulkChannels = {
  'bulk:plan': defineChannel({
    input: bulkPlanInputSchema,
    output: bulkJobDetailSchema,
    summary:
      'Plans a job: dates on the cadence days in the creator’s time zone at each platform’s best hour ' +
      '(or `time`, else 09:00), formats rotated, topics from the AI or — labelled — from niche × format patterns.',
  }),
  'bulk:update-item': defineChannel({
    input: z
      .object({
        itemId: z.number({ message: 'itemId must be a number' }).int().positive('Not a bulk item id'),
        topic: z.string().trim().min(1, 'A topic cannot be empty').max(300, 'At most 300 characters').optional(),
        format: bulkFormatSchema.optional(),
        platform: platformSchema.optional(),
        dueAt: isoDateTimeSchema.optional(),
        remove: z.literal(true, { message: 'remove is true or absent' }).optional(),
      })
      .strict()
      .refine((i) => !i.remove || (!i.topic && !i.format && !i.platform && !i.dueAt), {
        message: 'Remove an item or change it, not both',
        path: ['remove'],
      }),
    output: bulkJobDetailSchema,
    summary: 'Edits (or removes) a pending item of a job; CONFLICT once it is generating or finished.',
  }),
  'bulk:start': defineChannel({
    input: jobOnly,
    output: bulkJobSchema,
    summary: 'Starts generating a planned job (concurrency: the job’s limit).',
  }),
  'bulk:pause': defineChannel({
    input: jobOnly,
    output: bulkJobSchema,
    summary: 'Running items finish and are kept; no new item starts until bulk:resume.',
  }),
  'bulk:resume': defineChannel({
    input: jobOnly,
    output: bulkJobSchema,
    summary: 'Continues a paused job where it stopped.',
  }),
  'bulk:cancel': defineChannel({
    input: jobOnly,
    output: bulkJobSchema,
    summary: 'Stops running generations and cancels what is left; finished items keep their posts.',
  }),
  'bulk:retry-failed': defineChannel({
    input: jobOnly,
    output: bulkJobSchema,
    summary:
      'Puts a job’s failed items back to pending with fresh attempts; a finished job runs again. ' +
      'CONFLICT for a planned or cancelled job.',
  }),
  'bulk:get-job': defineChannel({
    input: jobOnly,
    output: bulkJobDetailSchema,
    summary: 'A job with its items: status, attempts, post ids, errors and generation times.',
  }),
  'bulk:list-jobs': defineChannel({
    input: z.object({}).strict(),
    output: z.array(bulkJobSchema),
    summary: 'Every bulk job, newest first, with its item counts.',
  }),
};
