import { z } from 'zod';
import { deviceSchema, meResponseSchema } from '../sync-api/accounts';

/**
 * Sync as the desktop app shows it: the Cadence account this device is signed in to, the state of
 * the sync engine, and the passphrase step. The wire contract with the server is
 * src/shared/sync-api/; these are the shapes that cross the app's own contract.
 */

export const SYNC_PHASES = ['signed-out', 'locked', 'idle', 'syncing', 'offline', 'error'] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

/** What the sync engine reports (src/main/sync/engine/sync-engine.ts). */
export const syncEngineStateSchema = z.object({
  phase: z.enum(SYNC_PHASES),
  lastSyncedAt: z.string().nullable(),
  /** Local changes not yet pushed. */
  pending: z.number().int().nonnegative(),
  conflictsResolved: z.number().int().nonnegative(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** How far this device's clock is from the server's, when that is large enough to mention. */
  clockSkewMs: z.number().nullable(),
  nextRetryAt: z.string().nullable(),
});
export type SyncEngineState = z.infer<typeof syncEngineStateSchema>;

export const SIGNED_OUT_ENGINE_STATE: SyncEngineState = {
  phase: 'signed-out',
  lastSyncedAt: null,
  pending: 0,
  conflictsResolved: 0,
  lastError: null,
  clockSkewMs: null,
  nextRetryAt: null,
};

/** The signed-in account as this device knows it; other cloud features read it too. */
export const cloudAccountSchema = z.object({
  serverUrl: z.string(),
  userId: z.string().uuid(),
  deviceId: z.string().uuid(),
  email: z.string(),
});
export type CloudAccount = z.infer<typeof cloudAccountSchema>;

/**
 * The passphrase step: `create` on the first device (no keyring on the server yet), `unlock` on
 * another device, `ready` once the data keys are unlocked here, `unknown` while the server cannot
 * be asked (offline).
 */
export const KEYRING_STEPS = ['create', 'unlock', 'ready', 'unknown'] as const;
export type KeyringStep = (typeof KEYRING_STEPS)[number];

export const syncStatusSchema = z.object({
  /** The sync service address used for the next sign-in (null until one is set). */
  serverUrl: z.string().nullable(),
  account: cloudAccountSchema.nullable(),
  /** Why this device was signed out by the server (revoked, session reused), in plain words. */
  signedOutReason: z.string().nullable(),
  keyring: z.enum(KEYRING_STEPS).nullable(),
  engine: syncEngineStateSchema,
  /** The clock-skew warning in plain words, when the device clock is far off. */
  clockWarning: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncResultSchema = z.object({
  pushed: z.number().int().nonnegative(),
  pulled: z.number().int().nonnegative(),
  conflictsResolved: z.number().int().nonnegative(),
});
export type SyncResult = z.infer<typeof syncResultSchema>;

/** Plan and usage of the account: the server's GET /v1/me without the ids. */
export const cloudPlanSchema = meResponseSchema.omit({ userId: true });
export type CloudPlan = z.infer<typeof cloudPlanSchema>;

/** A device of the account, as the server lists it (`current` is this device). */
export const cloudDeviceSchema = deviceSchema;
export type CloudDevice = z.infer<typeof cloudDeviceSchema>;

/** A clock further off than this from the server's is mentioned to the creator. */
export const CLOCK_WARNING_THRESHOLD_MS = 5 * 60_000;

/** The clock-skew warning in plain words, or null when the clock is close enough. */
export function describeClockSkew(skewMs: number | null): string | null {
  if (skewMs === null || Math.abs(skewMs) < CLOCK_WARNING_THRESHOLD_MS) return null;
  const minutes = Math.round(Math.abs(skewMs) / 60_000);
  const amount =
    minutes >= 120 ? `${Math.round(minutes / 60)} hours` : minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const direction = skewMs > 0 ? 'ahead of' : 'behind';
  return `This computer's clock is about ${amount} ${direction} the sync server. Sync still works, but set the clock automatically (date and time settings) so edit times stay right.`;
}
