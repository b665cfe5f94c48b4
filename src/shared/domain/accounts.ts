import { z } from 'zod';
import { confidentialPlatformSchema } from '../sync-api/oauth';
import { platformSchema } from './platform';

/** How healthy a connected account's token is (the token-health view). */
export const TOKEN_STATUSES = ['valid', 'expiring', 'needs_reconnect', 'missing_scope'] as const;
export const tokenStatusSchema = z.enum(TOKEN_STATUSES);
export type TokenStatus = z.infer<typeof tokenStatusSchema>;

export const accountIdSchema = z.uuid({ message: 'The account id must be a UUID' });

/** One account as the token-health view shows it. Tokens themselves never leave main. */
export const accountHealthSchema = z.object({
  id: z.string(),
  platform: platformSchema,
  handle: z.string(),
  displayName: z.string(),
  /** 'connected' (publishing can use it), 'import' (a handle from a CSV) or 'disconnected'. */
  source: z.enum(['connected', 'import', 'disconnected']),
  instanceUrl: z.string().nullable(),
  status: tokenStatusSchema.nullable(),
  /** A plain sentence: what the status means and what to do. */
  statusDetail: z.string(),
  expiresAt: z.string().nullable(),
  scopes: z.array(z.string()),
  requiredScopes: z.array(z.string()),
  missingScopes: z.array(z.string()),
  /** True when Cadence can renew the token on its own (it holds a refresh token). */
  refreshesAutomatically: z.boolean(),
});
export type AccountHealth = z.infer<typeof accountHealthSchema>;

export const connectStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pending'), platform: platformSchema, expiresAt: z.string() }),
  z.object({ state: z.literal('connected'), platform: platformSchema, accountId: z.string() }),
  z.object({ state: z.literal('failed'), platform: platformSchema, reason: z.string() }),
]);
export type ConnectStatus = z.infer<typeof connectStatusSchema>;

export const connectStartSchema = z.object({
  flowId: z.string(),
  /** The platform's sign-in page; the UI opens it in the system browser. */
  authorizeUrl: z.string(),
  expiresAt: z.string(),
});
export type ConnectStart = z.infer<typeof connectStartSchema>;

/** The creator's own app at a platform whose token calls need a client secret (kept in the keychain). */
export const ownAppSchema = z.object({
  platform: confidentialPlatformSchema,
  clientId: z.string(),
  savedAt: z.string(),
});
export type OwnApp = z.infer<typeof ownAppSchema>;

/**
 * How Cadence signs in to a platform right now: 'own-app' (the creator's app), 'cadence-sync' (Cadence's
 * app through the sync service's broker), 'public' (PKCE without a secret), 'app-password' or
 * 'instance-app' (Bluesky, Mastodon); 'unavailable' says why in `detail`.
 */
export const signInOptionSchema = z.object({
  platform: platformSchema,
  via: z.enum(['own-app', 'cadence-sync', 'public', 'app-password', 'instance-app', 'unavailable']),
  detail: z.string(),
});
export type SignInOption = z.infer<typeof signInOptionSchema>;
