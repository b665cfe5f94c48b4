import type { FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { ServerContext } from '../context';
import type { ServerDb } from '../db/schema';
import { ApiError } from '../http/api-error';
import { sha256Hex } from './secret-tokens';

export interface Limit {
  max: number;
  windowSeconds: number;
}

/**
 * Per-account limits (by email for sign-in and reset mail, by user for password re-checks). They
 * stop credential stuffing spread over many addresses from one account's point of view, and mail
 * bombing. Per-IP limits (see `ipRateLimit`) are in memory per instance and run before the body is
 * read; these live in PostgreSQL so N instances do not multiply the allowance.
 */
export const ACCOUNT_LIMITS = {
  login: { max: 10, windowSeconds: 15 * 60 },
  register: { max: 5, windowSeconds: 60 * 60 },
  mail: { max: 3, windowSeconds: 60 * 60 },
  passwordCheck: { max: 5, windowSeconds: 15 * 60 },
} satisfies Record<string, Limit>;

/** Per-IP limits on the unauthenticated endpoints, applied by @fastify/rate-limit before parsing. */
export const IP_LIMITS = {
  register: { max: 10, windowSeconds: 10 * 60 },
  login: { max: 30, windowSeconds: 5 * 60 },
  refresh: { max: 60, windowSeconds: 60 },
  emailLinks: { max: 20, windowSeconds: 15 * 60 },
} satisfies Record<string, Limit>;

/**
 * Counts one hit for `action` + `subject` in a fixed window, atomically (one upsert), and throws
 * 429 `rate_limited` with Retry-After once the window's allowance is passed.
 */
export async function throttle(
  db: Kysely<ServerDb>,
  input: { action: keyof typeof ACCOUNT_LIMITS; subject: string; now: Date; limit?: Limit },
): Promise<void> {
  const limit = input.limit ?? ACCOUNT_LIMITS[input.action];
  const bucket = sha256Hex(`${input.action}\u0000${input.subject}`);
  const windowStart = new Date(input.now.getTime() - limit.windowSeconds * 1000);
  const { rows } = await sql<{ hits: number; window_started_at: Date }>`
    INSERT INTO auth_throttle (bucket, window_started_at, hits)
    VALUES (${bucket}, ${input.now}, 1)
    ON CONFLICT (bucket) DO UPDATE SET
      hits = CASE WHEN auth_throttle.window_started_at <= ${windowStart} THEN 1 ELSE auth_throttle.hits + 1 END,
      window_started_at = CASE WHEN auth_throttle.window_started_at <= ${windowStart}
        THEN excluded.window_started_at ELSE auth_throttle.window_started_at END
    RETURNING hits, window_started_at`.execute(db);
  const row = rows[0];
  if (!row || row.hits <= limit.max) return;
  const resetsAt = row.window_started_at.getTime() + limit.windowSeconds * 1000;
  const retryAfter = Math.max(1, Math.ceil((resetsAt - input.now.getTime()) / 1000));
  throw rateLimited(retryAfter);
}

export function rateLimited(retryAfterSeconds: number): ApiError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${minutes} minutes`;
  return new ApiError(
    429,
    'rate_limited',
    `Too many attempts; try again in ${wait}.`,
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/** Old windows are useless after they end; a sweep keeps the table at the size of recent activity. */
export async function sweepThrottle(db: Kysely<ServerDb>, now: Date): Promise<void> {
  const longest = Math.max(...Object.values(ACCOUNT_LIMITS).map((l) => l.windowSeconds));
  await db
    .deleteFrom('auth_throttle')
    .where('window_started_at', '<', new Date(now.getTime() - longest * 1000))
    .execute();
}

/**
 * Route options for @fastify/rate-limit, keyed by client address (the plugin's default key groups
 * an IPv6 /64, so one host cannot rotate through its addresses) (registered with `global: false` in app.ts), or none when
 * RATE_LIMITS=off (a proxy in front already limits). The 429 leaves as the shared error body.
 */
export function ipRateLimit(context: ServerContext, limit: Limit) {
  if (context.config.RATE_LIMITS === 'off') return {};
  return {
    config: {
      rateLimit: {
        max: limit.max,
        timeWindow: limit.windowSeconds * 1000,
        errorResponseBuilder: (_request: FastifyRequest, info: { ttl: number }) =>
          rateLimited(Math.max(1, Math.ceil(info.ttl / 1000))),
      },
    },
  };
}

/** The per-account check, skipped like the per-IP one when RATE_LIMITS=off. */
export async function throttleAccount(
  context: ServerContext,
  action: keyof typeof ACCOUNT_LIMITS,
  subject: string,
): Promise<void> {
  if (context.config.RATE_LIMITS === 'off') return;
  await throttle(context.db, { action, subject, now: context.now() });
}
