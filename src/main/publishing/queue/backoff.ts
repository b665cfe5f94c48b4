/** Sends tried before a job fails for good (server errors). */
export const MAX_ATTEMPTS = 5;
/** First retry after a server error; doubles each attempt (30 s, 1 min, 2 min, 4 min …). */
export const BACKOFF_BASE_MS = 30_000;
/** Ceiling of one wait. */
export const BACKOFF_MAX_MS = 30 * 60_000;
/** How long to wait before trying again while the network is down (no attempt is used up). */
export const OFFLINE_WAIT_MS = 30_000;
/** Wait after a 429 that did not say when the window resets. */
export const RATE_LIMIT_FALLBACK_MS = 60_000;

/** Delay before the next try after `attempts` failed sends (1 → base). */
export function backoffMs(attempts: number, baseMs = BACKOFF_BASE_MS): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(BACKOFF_MAX_MS, baseMs * 2 ** exponent);
}
