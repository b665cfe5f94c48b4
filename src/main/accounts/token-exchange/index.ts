import type { ConfidentialPlatform } from '../../../shared/sync-api/oauth';
import type { ConfidentialExchange, ExchangeTarget } from './confidential-exchange';
import { CONFIDENTIAL_ENDPOINTS } from './endpoints';
import { facebookExchange } from './facebook';
import { googleExchange } from './google';
import { instagramExchange } from './instagram';
import { linkedinExchange } from './linkedin';
import { threadsExchange } from './threads';
import { tiktokExchange } from './tiktok';

export type { AppCredentials, CodeGrant, ConfidentialExchange, ExchangeTarget } from './confidential-exchange';
export { CONFIDENTIAL_ENDPOINTS } from './endpoints';

/** Each confidential platform's token calls (the desktop's own-app mode and the sync service's broker run these). */
export const CONFIDENTIAL_EXCHANGES: Record<ConfidentialPlatform, ConfidentialExchange> = {
  facebook: facebookExchange,
  instagram: instagramExchange,
  threads: threadsExchange,
  tiktok: tiktokExchange,
  linkedin: linkedinExchange,
  youtube: googleExchange,
};

/** Anything that knows a platform's base override (the desktop's ConnectorRegistry). */
export interface BaseOverrides {
  override(platform: ConfidentialPlatform): string | null;
}

/**
 * Where a platform's token calls go: its own hosts, or — with an override (a peer's origin, as a
 * string or from the registry) — the same paths on that origin, so one peer serves both the token
 * host and the API host (Instagram's and Meta's long-lived exchanges live on the API host).
 */
export function defaultExchangeTarget(
  platform: ConfidentialPlatform,
  override?: BaseOverrides | string | null,
  now: Date = new Date(),
): ExchangeTarget {
  const base = typeof override === 'string' ? override : (override?.override(platform) ?? null);
  const endpoints = CONFIDENTIAL_ENDPOINTS[platform];
  if (!base) return { tokenUrl: endpoints.tokenUrl, apiBaseUrl: endpoints.apiBaseUrl, now };
  const origin = new URL(base).origin;
  const token = new URL(endpoints.tokenUrl);
  return { tokenUrl: `${origin}${token.pathname}${token.search}`, apiBaseUrl: origin, now };
}
