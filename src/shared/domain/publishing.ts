import { z } from 'zod';
import { platformSchema } from './platform';
import { isoDateTimeSchema, postIdSchema } from './post';

/**
 * A publish job's life: queued → leased → sending → published. `outcome_unknown` (a crash or a
 * lost response mid-send) is settled by looking for the post on the platform, never by sending
 * again blindly; `pending_remote` waits for the platform's own processing; `missed` is a slot
 * that passed while the app was closed, waiting for the creator's choice; `relayed` was handed to
 * the sync service's publish relay, which publishes it while this device sleeps.
 */
export const PUBLISH_JOB_STATUSES = [
  'queued',
  'leased',
  'sending',
  'outcome_unknown',
  'pending_remote',
  'published',
  'failed',
  'cancelled',
  'missed',
  'relayed',
] as const;
export const publishJobStatusSchema = z.enum(PUBLISH_JOB_STATUSES);
export type PublishJobStatus = z.infer<typeof publishJobStatusSchema>;

export const publishJobIdSchema = z.uuid({ message: 'Not a publish job id' });

export const publishJobSchema = z.object({
  id: publishJobIdSchema,
  postId: postIdSchema,
  platform: platformSchema,
  accountId: z.string().nullable(),
  status: publishJobStatusSchema,
  /** When the post is meant to go out. */
  dueAt: isoDateTimeSchema,
  /** Sends tried so far (a wait for the network or a rate limit does not count). */
  attempts: z.number().int().nonnegative(),
  /** When the queue acts on the job next (a retry, a status check); null when it is due at dueAt. */
  nextAttemptAt: isoDateTimeSchema.nullable(),
  externalId: z.string().nullable(),
  url: z.string().nullable(),
  /** The last problem, in plain words (the platform's message for a rejected post). */
  lastError: z.string().nullable(),
  errorKind: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  publishedAt: isoDateTimeSchema.nullable(),
});
export type PublishJob = z.infer<typeof publishJobSchema>;

/** One step of a job's history (never tokens or post text). */
export const publishEventSchema = z.object({
  id: z.number().int().positive(),
  at: isoDateTimeSchema,
  step: z.string(),
  detail: z.string(),
});
export type PublishEvent = z.infer<typeof publishEventSchema>;

/** What happens to a slot missed while the app was closed (`settings` key `publishing.missed`). */
export const MISSED_POLICIES = ['ask', 'post-now', 'reschedule-next-free'] as const;
export const missedPolicySchema = z.enum(MISSED_POLICIES);
export type MissedPolicy = z.infer<typeof missedPolicySchema>;
