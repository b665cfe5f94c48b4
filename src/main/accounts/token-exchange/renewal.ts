import type { TokenSet } from '../../publishing/providers/connector';

/**
 * Instagram and Threads have no refresh token: the long-lived access token itself is renewed
 * (`ig_refresh_token`, `th_refresh_token`) while it is at least a day old and not yet expired. Their
 * exchanges mark the token so the refresh sweep and token health know it renews without the creator.
 */
export const RENEWAL_KEY = 'renewal';
export const RENEWS_ACCESS_TOKEN = 'access-token';

/** Such tokens are renewed this long before they end (they live 60 days; a renewal needs them ≥ 24 h old). */
export const SELF_RENEWAL_AHEAD_MS = 3 * 24 * 3_600_000;

export function renewsAccessToken(token: TokenSet): boolean {
  return token.extra?.[RENEWAL_KEY] === RENEWS_ACCESS_TOKEN;
}

/** Whether Cadence can renew this token without the creator. */
export function canRenew(token: TokenSet): boolean {
  return Boolean(token.refreshToken) || renewsAccessToken(token);
}
