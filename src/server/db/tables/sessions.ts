import type { ColumnType, Generated } from 'kysely';

/**
 * One refresh-token family per device sign-in. Only the current token's SHA-256 is kept, with a
 * generation counter that the token also carries: a token from an earlier generation of a live
 * family can only come from someone who saw it before it was rotated, so it is a reuse and the
 * family dies. One row per sign-in (not per token) keeps storage proportional to devices.
 */
export interface RefreshFamiliesTable {
  id: Generated<string>;
  user_id: string;
  device_id: string;
  generation: Generated<number>;
  /** Hex SHA-256 of the current refresh token. */
  token_hash: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  /** Sliding: each rotation pushes it REFRESH_TOKEN_TTL_DAYS ahead. */
  expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
  revoked_reason: 'logout' | 'device_revoked' | 'reuse' | 'password_reset' | null;
}

export type EmailTokenPurpose = 'verify_email' | 'reset_password';

/** Single-use links sent by email (verification, password reset); only their SHA-256 is stored. */
export interface EmailTokensTable {
  id: Generated<string>;
  user_id: string;
  purpose: EmailTokenPurpose;
  token_hash: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  expires_at: Date;
  used_at: Date | null;
}

/**
 * Fixed-window counters for per-account limits on the auth endpoints. Kept in PostgreSQL so the
 * limit holds across every instance behind the load balancer. The bucket is a hash of the action
 * and the email (or user id), so no address is stored here.
 */
export interface AuthThrottleTable {
  bucket: string;
  window_started_at: Date;
  hits: number;
}

export interface SessionsTables {
  refresh_families: RefreshFamiliesTable;
  email_tokens: EmailTokensTable;
  auth_throttle: AuthThrottleTable;
}
