import { z } from 'zod';
import { platformSchema } from '../domain/platform';

/**
 * The publish relay's wire contract, between the desktop's RelayClient and the sync service's
 * relay routes (both parse with these schemas).
 *
 * The device seals the platform token, the account and the post to the relay's public key, so
 * nothing readable about them is stored on the server; only the relay worker opens the envelope.
 */

export const RELAY_SEAL_ALGORITHM = 'RSA-OAEP-256+A256GCM' as const;

/** GET /v1/relay/public-key → 200. 503 `unavailable` when the relay is not configured. */
export const relayPublicKeySchema = z.object({
  /** First 16 bytes of SHA-256 over the key's SPKI DER, base64url: names the key in envelopes. */
  keyId: z.string().min(1).max(64),
  algorithm: z.literal(RELAY_SEAL_ALGORITHM),
  publicKeyPem: z.string().min(1).max(10_000),
});
export type RelayPublicKey = z.infer<typeof relayPublicKeySchema>;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64.');

/** An AES-256-GCM content key wrapped with RSA-OAEP-SHA256, and the payload it seals. */
export const sealedEnvelopeSchema = z.object({
  v: z.literal(1),
  alg: z.literal(RELAY_SEAL_ALGORITHM),
  keyId: z.string().min(1).max(64),
  /** The content key, RSA-OAEP-SHA256 encrypted. */
  key: base64.min(1).max(2_000),
  iv: base64.min(1).max(64),
  tag: base64.min(1).max(64),
  /** The payload (RelayPayload JSON), AES-256-GCM encrypted. At most ~96 KiB. */
  data: base64.min(1).max(131_072),
});
export type SealedEnvelope = z.infer<typeof sealedEnvelopeSchema>;

/**
 * What the envelope holds. No refresh token: the relay publishes with the access token it was
 * given and never rotates a grant behind the device's back. No media: media files stay on the
 * device (posts with media are published from the device).
 */
export const relayPayloadSchema = z.object({
  platform: platformSchema,
  account: z.object({
    id: z.string().min(1).max(200),
    handle: z.string().max(200),
    externalId: z.string().max(200).nullable(),
    instanceUrl: z.string().url().max(2_000).nullable(),
  }),
  token: z.object({
    accessToken: z.string().min(1).max(8_000),
    expiresAt: z.string().optional(),
    scopes: z.array(z.string().max(200)).max(100).optional(),
    extra: z.record(z.string(), z.string().max(4_000)).optional(),
  }),
  request: z.object({
    parts: z.array(z.string().max(70_000)).min(1).max(50),
    title: z.string().max(1_000).optional(),
    tags: z.array(z.string().max(200)).max(100).optional(),
  }),
});
export type RelayPayload = z.infer<typeof relayPayloadSchema>;

/** POST /v1/relay/jobs (auth, verified email) → 201 new / 200 the same key again: RelayJob. */
export const createRelayJobSchema = z.object({
  /** The local job's idempotency key: the same key twice is the same relay job. */
  idempotencyKey: z.string().min(8).max(200),
  platform: platformSchema,
  dueAt: z.iso.datetime({ offset: true }),
  sealed: sealedEnvelopeSchema,
});
export type CreateRelayJob = z.infer<typeof createRelayJobSchema>;

export const RELAY_JOB_STATUSES = [
  'queued',
  'leased',
  'sending',
  'outcome_unknown',
  'pending_remote',
  'published',
  'failed',
  'cancelled',
] as const;
export const relayJobStatusSchema = z.enum(RELAY_JOB_STATUSES);

export const relayJobSchema = z.object({
  id: z.uuid(),
  idempotencyKey: z.string(),
  platform: platformSchema,
  dueAt: z.iso.datetime({ offset: true }),
  status: relayJobStatusSchema,
  attempts: z.number().int().nonnegative(),
  externalId: z.string().nullable(),
  url: z.string().nullable(),
  /** Why it failed, in plain words, with the connector's error kind as `code`. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type RelayJob = z.infer<typeof relayJobSchema>;

/** GET /v1/relay/jobs?since=<ISO>&limit=<1..500> (auth): the user's jobs changed after `since`, oldest change first. */
export const listRelayJobsQuerySchema = z.object({
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const listRelayJobsResponseSchema = z.object({
  jobs: z.array(relayJobSchema),
  hasMore: z.boolean(),
  /** Server time of this answer: the next `since`, less a small overlap (writes commit out of order). */
  serverTime: z.iso.datetime({ offset: true }),
});
export type ListRelayJobsResponse = z.infer<typeof listRelayJobsResponseSchema>;

/** DELETE /v1/relay/jobs/:id (auth) → 200 RelayJob (cancelled); 409 `conflict` once the relay started it. */
export const relayJobIdParamsSchema = z.object({ id: z.uuid({ message: 'Not a relay job id.' }) });

/** The additional authenticated data of an envelope: it opens only for this user, key and platform. */
export function relaySealContext(input: { userId: string; idempotencyKey: string; platform: string }): string {
  return `cadence-relay/v1|${input.userId}|${input.idempotencyKey}|${input.platform}`;
}
