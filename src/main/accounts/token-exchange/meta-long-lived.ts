import type { TokenSet } from '../../publishing/providers/connector';
import type { ExchangeTarget } from './confidential-exchange';
import { metaError } from './meta-errors';
import { RENEWAL_KEY, RENEWS_ACCESS_TOKEN } from './renewal';
import { expiresAt, num, requireAccessToken, tokenCall, tokenSet } from './token-http';

/**
 * The long-lived token calls Instagram (graph.instagram.com) and Threads (graph.threads.net) share:
 * `GET /access_token?grant_type=<ig|th>_exchange_token&client_secret&access_token` and
 * `GET /refresh_access_token?grant_type=<ig|th>_refresh_token&access_token` (no secret), each
 * answering `{ access_token, token_type, expires_in }`.
 * https://developers.facebook.com/docs/instagram-platform/reference/access_token,
 * https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token,
 * https://developers.facebook.com/docs/threads/get-started/long-lived-tokens
 */
export async function longLivedExchange(
  grantType: 'ig_exchange_token' | 'th_exchange_token',
  clientSecret: string,
  shortToken: string,
  target: ExchangeTarget,
  label: string,
): Promise<Pick<TokenSet, 'accessToken' | 'expiresAt'>> {
  const url = new URL('/access_token', target.apiBaseUrl);
  url.searchParams.set('grant_type', grantType);
  url.searchParams.set('client_secret', clientSecret);
  url.searchParams.set('access_token', shortToken);
  const answer = await tokenCall(url, { method: 'GET' }, target, label);
  if (answer.status !== 200) throw metaError(answer, label);
  const expires = expiresAt(target.now, num(answer.body, 'expires_in'));
  return { accessToken: requireAccessToken(answer, label), ...(expires ? { expiresAt: expires } : {}) };
}

export async function renewLongLived(
  grantType: 'ig_refresh_token' | 'th_refresh_token',
  token: TokenSet,
  target: ExchangeTarget,
  label: string,
): Promise<TokenSet> {
  const url = new URL('/refresh_access_token', target.apiBaseUrl);
  url.searchParams.set('grant_type', grantType);
  url.searchParams.set('access_token', token.accessToken);
  const answer = await tokenCall(url, { method: 'GET' }, target, label);
  if (answer.status !== 200) throw metaError(answer, label);
  return tokenSet({
    accessToken: requireAccessToken(answer, label),
    expiresAt: expiresAt(target.now, num(answer.body, 'expires_in')),
    scopes: token.scopes,
    extra: { ...token.extra, [RENEWAL_KEY]: RENEWS_ACCESS_TOKEN },
  });
}
