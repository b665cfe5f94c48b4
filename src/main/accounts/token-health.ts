import type { TokenStatus } from '../../shared/domain/accounts';
import { PLATFORM_LABELS, type Platform } from '../../shared/domain/platform';
import type { TokenSet } from '../publishing/providers/connector';
import { canRenew } from './token-exchange/renewal';

/** A token without a refresh token is "expiring" this long before it ends (the creator must reconnect). */
export const EXPIRING_WINDOW_MS = 7 * 24 * 3_600_000;
/** Tokens that end within this window are refreshed ahead of time. */
export const REFRESH_AHEAD_MS = 10 * 60_000;

export interface HealthInput {
  platform: Platform;
  storedStatus: string | null;
  storedDetail: string | null;
  token: TokenSet | null;
  grantedScopes: string[];
  requiredScopes: string[];
  now: Date;
}

export interface Health {
  status: TokenStatus;
  detail: string;
  missingScopes: string[];
}

/** The token-health verdict for one connected account, with a plain sentence saying what to do. */
export function tokenHealth(input: HealthInput): Health {
  const label = PLATFORM_LABELS[input.platform];
  const missingScopes = input.requiredScopes.filter((s) => !input.grantedScopes.includes(s));
  if (input.storedStatus === 'needs_reconnect') {
    return {
      status: 'needs_reconnect',
      detail: input.storedDetail ?? `${label} needs you to reconnect.`,
      missingScopes,
    };
  }
  if (!input.token) {
    return {
      status: 'needs_reconnect',
      detail: `${label} needs you to reconnect: Cadence has no token for this account on this computer.`,
      missingScopes,
    };
  }
  if (missingScopes.length > 0 && input.grantedScopes.length > 0) {
    return {
      status: 'missing_scope',
      detail: `${label} did not grant ${missingScopes.join(', ')}; reconnect and allow it so Cadence can post.`,
      missingScopes,
    };
  }
  const expiresAt = input.token.expiresAt ? Date.parse(input.token.expiresAt) : null;
  const canRefresh = canRenew(input.token);
  if (expiresAt === null) return { status: 'valid', detail: 'Connected; this token does not expire.', missingScopes };
  const left = expiresAt - input.now.getTime();
  if (canRefresh) {
    const when = left > 0 ? `Expires in ${duration(left)}` : 'Expired';
    return { status: 'valid', detail: `${when} — Cadence refreshes it automatically.`, missingScopes };
  }
  if (left <= 0) {
    return {
      status: 'needs_reconnect',
      detail: `${label} needs you to reconnect: the token expired on ${input.token.expiresAt?.slice(0, 10)}.`,
      missingScopes,
    };
  }
  if (left <= EXPIRING_WINDOW_MS) {
    return {
      status: 'expiring',
      detail: `Expires in ${duration(left)} — ${label} gives no way to renew it, so reconnect before then.`,
      missingScopes,
    };
  }
  return { status: 'valid', detail: `Expires in ${duration(left)}.`, missingScopes };
}

export function duration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}
