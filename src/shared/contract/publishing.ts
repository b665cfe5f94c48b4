import { z } from 'zod';
import { platformSchema } from '../domain/platform';
import { isoDateTimeSchema, postIdSchema } from '../domain/post';
import { publishEventSchema, publishJobIdSchema, publishJobSchema, publishJobStatusSchema } from '../domain/publishing';
import { defineChannel } from './channel';

const jobsOutput = z.object({ jobs: z.array(publishJobSchema) });
const jobRef = z.object({ jobId: publishJobIdSchema }).strict();

/**
 * The publishing channels (issue #5): the durable queue that sends posts to the platforms,
 * one job per post and platform, with its history.
 */
export const publishingChannels = {
  'publishing:publish-now': defineChannel({
    input: z
      .object({
        postId: postIdSchema,
        /** A subset of the post's platforms; all of them when absent. */
        platforms: z
          .array(platformSchema)
          .min(1, 'Pick at least one platform')
          .refine((list) => new Set(list).size === list.length, { message: 'A platform is listed twice' })
          .optional(),
      })
      .strict(),
    output: jobsOutput,
    summary:
      "Queues the post now, one job per platform, after checking it against each platform's rules (refused with the findings).",
  }),
  'publishing:enqueue': defineChannel({
    input: z.object({ postId: postIdSchema }).strict(),
    output: jobsOutput,
    summary: 'Queues a scheduled post for its scheduled time, one job per platform (scheduling a post does this too).',
  }),
  'publishing:list-jobs': defineChannel({
    input: z.object({ postId: postIdSchema.optional(), status: publishJobStatusSchema.optional() }).strict(),
    output: jobsOutput,
    summary: "Publish jobs, newest due first; a cross-posted post's jobs give each platform's status.",
  }),
  'publishing:get-job': defineChannel({
    input: jobRef,
    output: z.object({ job: publishJobSchema, events: z.array(publishEventSchema) }),
    summary: 'One publish job with its history, step by step.',
  }),
  'publishing:cancel-job': defineChannel({
    input: jobRef,
    output: publishJobSchema,
    summary: 'Cancels a job that has not started sending (queued, missed or failed).',
  }),
  'publishing:resolve-missed': defineChannel({
    input: z
      .object({
        jobId: publishJobIdSchema,
        action: z.enum(['post-now', 'reschedule']),
        /** For reschedule: the new time (default: the next free slot of the platform). */
        at: isoDateTimeSchema.optional(),
      })
      .strict()
      .refine((v) => v.action === 'reschedule' || v.at === undefined, {
        message: 'A time goes only with reschedule',
        path: ['at'],
      }),
    output: publishJobSchema,
    summary: 'Settles a slot missed while the app was closed: post now, or reschedule.',
  }),
  'publishing:retry-job': defineChannel({
    input: z
      .object({
        jobId: publishJobIdSchema,
        /** When to send it again (not in the past; main refuses one that is). Default: now. */
        at: isoDateTimeSchema.optional(),
      })
      .strict(),
    output: publishJobSchema,
    summary:
      'Queues a failed or cancelled job again, now or at a chosen future time (the same idempotency key, so never a second post).',
  }),
  'publishing:refresh-metrics': defineChannel({
    input: z.object({ postId: postIdSchema.optional() }).strict(),
    output: z.object({
      /** Snapshots stored (one per publication that answered). */
      snapshots: z.number().int().nonnegative(),
      /** Accounts whose followers were stored. */
      accounts: z.number().int().nonnegative(),
      /** Accounts left for later: rate limited until a time, offline, or needing a reconnect (until null). */
      waiting: z.array(
        z.object({
          accountId: z.string(),
          platform: platformSchema,
          until: isoDateTimeSchema.nullable(),
          reason: z.string(),
        }),
      ),
    }),
    summary:
      "Pulls metrics now, outside the schedule: one post's publications, or every post under 90 days old and each account's followers. Rate limits are still respected.",
  }),
};
