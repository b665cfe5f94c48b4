import { z } from 'zod';

/**
 * Multi-device sync. The server only routes: each change is an opaque, end-to-end encrypted blob
 * with the minimum metadata to order and deduplicate it.
 *
 * HLC timestamps are strings that sort in clock order: `<millis:15 digits>-<counter:5 digits>-<deviceId>`
 * (see src/shared/sync/hlc.ts). (userId, hlc) is unique, so a retried push is a no-op.
 */

export const hlcStringSchema = z.string().regex(/^\d{15}-\d{5}-[0-9a-f-]{36}$/, 'Not a Cadence HLC timestamp.');

export const encryptedChangeSchema = z.object({
  hlc: hlcStringSchema,
  /** Which data key sealed it (see the keyring). */
  keyId: z.string().min(1).max(64),
  /** base64 of nonce ‖ ciphertext ‖ tag; at most 64 KiB once decoded. */
  blob: z.string().min(1).max(90_000),
});
export type EncryptedChange = z.infer<typeof encryptedChangeSchema>;

/** POST /v1/sync/push (auth) → 200 PushResponse. At most 1,000 changes per request. */
export const pushRequestSchema = z.object({
  changes: z.array(encryptedChangeSchema).min(1).max(1000),
  /** The device's wall clock when it sent, for the skew check. */
  sentAt: z.number().int(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  /** How many were new (the rest were already stored: a retry). */
  accepted: z.number().int().nonnegative(),
  /** The server cursor after this push. */
  cursor: z.string(),
  /** Server wall clock in ms; the client folds it into its HLC and reports its skew. */
  serverTime: z.number().int(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** GET /v1/sync/pull?cursor=<opaque>&limit=<1..1000> (auth) → 200 PullResponse. Oldest first. */
export const pullQuerySchema = z.object({
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const pulledChangeSchema = encryptedChangeSchema.extend({ deviceId: z.string().uuid() });
export type PulledChange = z.infer<typeof pulledChangeSchema>;
export const pullResponseSchema = z.object({
  changes: z.array(pulledChangeSchema),
  cursor: z.string(),
  hasMore: z.boolean(),
  serverTime: z.number().int(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * GET /v1/sync/live?token=<access token> (WebSocket, auth): the server sends
 * `{"type":"changed","cursor":"…"}` when another device of the same user pushed (fanned out across
 * instances with PostgreSQL LISTEN/NOTIFY), and `{"type":"ping"}` every 25 s.
 */
export const liveMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('changed'), cursor: z.string() }),
  z.object({ type: z.literal('ping') }),
]);
export type LiveMessage = z.infer<typeof liveMessageSchema>;

/**
 * The keyring: data keys wrapped on the device. The server cannot unwrap any of them.
 * - `wrappedByPassphrase`: the data key sealed with a key derived from the passphrase (argon2id
 *   with `kdf` parameters). A new device unlocks with the passphrase.
 * - `wrappedByPrevious`: a rotated key sealed with the key before it, so a device that holds the
 *   older key follows a rotation without the passphrase (nothing is stranded).
 * A passphrase change re-wraps every key; `version` guards against two devices racing (409).
 */
export const kdfParamsSchema = z.object({
  algorithm: z.literal('argon2id'),
  salt: z.string().min(16).max(64),
  memoryKiB: z.number().int().min(8192).max(1_048_576),
  iterations: z.number().int().min(1).max(20),
  parallelism: z.number().int().min(1).max(8),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;
export const keyEntrySchema = z.object({
  keyId: z.string().min(1).max(64),
  wrappedByPassphrase: z.string().max(512),
  wrappedByPrevious: z.string().max(512).nullable(),
  createdAt: z.string().optional(),
});
export type KeyEntry = z.infer<typeof keyEntrySchema>;
export const keyringSchema = z.object({
  version: z.number().int().nonnegative(),
  kdf: kdfParamsSchema,
  /** A value sealed with the current key, so a wrong passphrase is told apart from corrupt data. */
  check: z.string().max(512),
  currentKeyId: z.string().min(1).max(64),
  keys: z.array(keyEntrySchema).min(1).max(100),
});
export type Keyring = z.infer<typeof keyringSchema>;
/** GET /v1/sync/keyring (auth) → 200 Keyring, or 404 not_found before the first device sets one. */
/** PUT /v1/sync/keyring (auth) with { expectedVersion, keyring } → 200 Keyring (version+1), or 409 conflict. */
export const putKeyringRequestSchema = z.object({
  expectedVersion: z.number().int().nonnegative().nullable(),
  keyring: keyringSchema.omit({ version: true }),
});
