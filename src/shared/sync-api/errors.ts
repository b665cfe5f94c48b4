import { z } from 'zod';

/**
 * Every error the sync service returns has this body, with a stable `code` the desktop app maps to
 * a message and a fix. HTTP status carries the class (400 input, 401 auth, 403 forbidden, 404,
 * 409 conflict, 429 rate limit or quota, 5xx server).
 */
export const SERVER_ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'token_expired',
  'refresh_reused',
  'forbidden',
  'not_found',
  'conflict',
  'email_taken',
  'email_not_verified',
  'invalid_credentials',
  'invalid_token',
  'device_revoked',
  'device_limit',
  'quota_exceeded',
  'rate_limited',
  'clock_skew',
  'key_mismatch',
  'upstream_failed',
  'invalid_grant',
  'unavailable',
  'internal',
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

export const serverErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(SERVER_ERROR_CODES),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ServerErrorBody = z.infer<typeof serverErrorBodySchema>;
