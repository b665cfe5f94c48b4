import { z } from 'zod';

/** Hosted accounts: register, sign in, tokens, devices. Paths are under /v1. */

export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const TIERS = ['free', 'creator', 'pro'] as const;
export type Tier = (typeof TIERS)[number];

const email = z.string().trim().toLowerCase().email().max(254);
/** Account password (not the encryption passphrase, which never reaches the server). */
const password = z.string().min(10, 'Use at least 10 characters.').max(256);

export const deviceInfoSchema = z.object({
  name: z.string().trim().min(1).max(80),
  platform: z.string().trim().min(1).max(40),
});
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;

/** POST /v1/auth/register → 201 SessionTokens (the email still needs verifying). */
export const registerRequestSchema = z.object({ email, password, device: deviceInfoSchema });
/** POST /v1/auth/login → 200 SessionTokens. */
export const loginRequestSchema = z.object({ email, password: z.string().min(1).max(256), device: deviceInfoSchema });
/** POST /v1/auth/refresh → 200 SessionTokens. A refresh token works once; reuse revokes its family. */
export const refreshRequestSchema = z.object({ refreshToken: z.string().min(20).max(512) });
/** POST /v1/auth/logout (auth) → 204. Revokes this device's refresh family. */
/** POST /v1/auth/verify-email → 204. */
export const verifyEmailRequestSchema = z.object({ token: z.string().min(20).max(512) });
/** POST /v1/auth/resend-verification (auth) → 204. */
/** POST /v1/auth/request-password-reset → 204 always (never says whether the email exists). */
export const requestPasswordResetSchema = z.object({ email });
/** POST /v1/auth/reset-password → 204; revokes every refresh family of the account. */
export const resetPasswordRequestSchema = z.object({ token: z.string().min(20).max(512), password });

export const sessionTokensSchema = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().positive(),
  refreshToken: z.string(),
  userId: z.string().uuid(),
  deviceId: z.string().uuid(),
});
export type SessionTokens = z.infer<typeof sessionTokensSchema>;

export const entitlementsSchema = z.object({
  devices: z.number().int().nonnegative(),
  aiTokensPerMonth: z.number().int().nonnegative(),
  relayPostsPerMonth: z.number().int().nonnegative(),
});
export type Entitlements = z.infer<typeof entitlementsSchema>;

/** GET /v1/me (auth) → 200. */
export const meResponseSchema = z.object({
  userId: z.string().uuid(),
  email: z.string(),
  emailVerified: z.boolean(),
  role: z.enum(ROLES),
  tier: z.enum(TIERS),
  entitlements: entitlementsSchema,
  usage: z.object({ aiTokens: z.number().int(), relayPosts: z.number().int(), period: z.string() }),
  createdAt: z.string(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** DELETE /v1/me (auth) with the password again → 204; removes every row the server has for the user. */
export const deleteAccountRequestSchema = z.object({ password: z.string().min(1).max(256) });

export const deviceSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  platform: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  current: z.boolean(),
});
export type Device = z.infer<typeof deviceSchema>;
/** GET /v1/devices (auth) → 200 { devices }. POST /v1/devices/:id/revoke (auth) → 204. */
export const deviceListSchema = z.object({ devices: z.array(deviceSchema) });

/** GET /v1/admin/users?query=&cursor= (admin) → 200. PATCH /v1/admin/users/:id (admin) → 200 AdminUser. */
export const adminUserSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  tier: z.enum(TIERS),
  emailVerified: z.boolean(),
  createdAt: z.string(),
  devices: z.number().int(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const adminUserListSchema = z.object({ users: z.array(adminUserSchema), nextCursor: z.string().nullable() });
export const adminUpdateUserSchema = z
  .object({ tier: z.enum(TIERS).optional(), role: z.enum(ROLES).optional() })
  .refine((v) => v.tier !== undefined || v.role !== undefined, 'Give a tier or a role.');
