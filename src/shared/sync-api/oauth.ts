import { z } from 'zod';

/**
 * The sign-in broker's wire contract, between the desktop's CloudTokenBroker and the sync
 * service's `/v1/oauth/*` routes.
 *
 * Some platforms (Meta's three, TikTok, LinkedIn, Google) only exchange a sign-in code for tokens
 * when the app's client secret comes with it. A desktop app cannot keep a secret, so the sync
 * service holds it and makes those calls for a signed-in device; the tokens go straight back to the
 * device and are never stored on the server.
 */

/** The platforms whose token calls need the app's client secret. */
export const CONFIDENTIAL_PLATFORMS = ['facebook', 'instagram', 'threads', 'tiktok', 'linkedin', 'youtube'] as const;
export const confidentialPlatformSchema = z.enum(CONFIDENTIAL_PLATFORMS);
export type ConfidentialPlatform = z.infer<typeof confidentialPlatformSchema>;

/** GET /v1/oauth/apps → 200: the apps this service holds secrets for (the client ids to sign in with). */
export const brokerAppsSchema = z.object({
  apps: z.array(z.object({ platform: confidentialPlatformSchema, clientId: z.string().min(1).max(200) })),
});
export type BrokerApps = z.infer<typeof brokerAppsSchema>;

/** The tokens the broker hands back; the same shape as the desktop's TokenSet. */
export const brokerTokenSchema = z.object({
  accessToken: z.string().min(1).max(8_000),
  refreshToken: z.string().min(1).max(8_000).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  scopes: z.array(z.string().max(200)).max(100).optional(),
  extra: z.record(z.string(), z.string().max(4_000)).optional(),
});
export type BrokerToken = z.infer<typeof brokerTokenSchema>;

/**
 * POST /v1/oauth/token → 200 `{ token }`.
 * - 404 `not_found` when the service holds no app for the platform;
 * - 400 `invalid_grant` when the platform refused the code or the grant (reconnect; details.oauthError);
 * - 502 `upstream_failed` when the platform failed or did not answer (try again; never a reconnect).
 */
export const brokerTokenRequestSchema = z
  .object({
    platform: confidentialPlatformSchema,
    grant: z.discriminatedUnion('type', [
      z
        .object({
          type: z.literal('authorization_code'),
          code: z.string().min(1).max(4_000),
          /** The loopback redirect the code was issued to (it must match exactly). */
          redirectUri: z.url().max(2_000),
          codeVerifier: z.string().min(43).max(128),
        })
        .strict(),
      z
        .object({
          type: z.literal('refresh'),
          /** The token to renew (Instagram and Threads renew the long-lived access token itself). */
          token: brokerTokenSchema,
        })
        .strict(),
    ]),
  })
  .strict();
export type BrokerTokenRequest = z.infer<typeof brokerTokenRequestSchema>;

export const brokerTokenResponseSchema = z.object({ token: brokerTokenSchema });

/**
 * POST /v1/oauth/revoke → 200 `{ revoked }`: withdraws Cadence's access at the platform when an account
 * is disconnected (TikTok and LinkedIn take the client secret for it). `revoked: false` when the
 * platform has no revocation or refused it; the device deletes its copy of the token either way.
 * 404 `not_found` when the service holds no app for the platform; 502 `upstream_failed` when the
 * platform failed or did not answer.
 */
export const brokerRevokeRequestSchema = z
  .object({ platform: confidentialPlatformSchema, token: brokerTokenSchema })
  .strict();
export type BrokerRevokeRequest = z.infer<typeof brokerRevokeRequestSchema>;

export const brokerRevokeResponseSchema = z.object({ revoked: z.boolean() });
