import type { ConfidentialExchange } from './confidential-exchange';
import { metaError } from './meta-errors';
import { longLivedExchange, renewLongLived } from './meta-long-lived';
import { RENEWAL_KEY, RENEWS_ACCESS_TOKEN } from './renewal';
import { requireAccessToken, splitScopes, str, tokenCall, tokenSet, type TokenAnswer } from './token-http';

const LABEL = 'Instagram';

/**
 * Business Login for Instagram: the code goes to `POST api.instagram.com/oauth/access_token` as a
 * form (client_id, client_secret, grant_type=authorization_code, redirect_uri, code) for a one-hour
 * token, then `ig_exchange_token` on graph.instagram.com gives the 60-day token, renewed with
 * `ig_refresh_token`.
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
 */
export const instagramExchange: ConfidentialExchange = {
  platform: 'instagram',

  async exchangeCode(app, grant, target) {
    const form = new URLSearchParams({
      client_id: app.clientId,
      client_secret: app.clientSecret,
      grant_type: 'authorization_code',
      redirect_uri: grant.redirectUri,
      code: grant.code,
    });
    const answer = await tokenCall(new URL(target.tokenUrl), { method: 'POST', form }, target, LABEL);
    if (answer.status !== 200) throw metaError(answer, LABEL);
    const short = firstGrant(answer);
    const long = await longLivedExchange('ig_exchange_token', app.clientSecret, short.accessToken, target, LABEL);
    return tokenSet({
      ...long,
      scopes: short.scopes,
      extra: { [RENEWAL_KEY]: RENEWS_ACCESS_TOKEN, ...(short.userId ? { userId: short.userId } : {}) },
    });
  },

  refresh(_app, token, target) {
    return renewLongLived('ig_refresh_token', token, target, LABEL);
  },

  /**
   * The Instagram API with Instagram Login documents no way for an app to withdraw its own access on graph.instagram.com (Facebook's
   * `DELETE /me/permissions` lives on graph.facebook.com and takes Facebook user tokens), so there is
   * nothing to call: false, and disconnect tells the creator where to remove Cadence by hand.
   */
  revoke() {
    return Promise.resolve(false);
  },
};

/** The answer is `{ data: [{ access_token, user_id, permissions }] }` (older apps got the object itself). */
function firstGrant(answer: TokenAnswer): { accessToken: string; userId?: string; scopes?: string[] } {
  const data = answer.body?.data;
  const first =
    Array.isArray(data) && typeof data[0] === 'object' && data[0] !== null
      ? (data[0] as Record<string, unknown>)
      : answer.body;
  const row: TokenAnswer = { status: answer.status, body: first };
  const permissions = first?.permissions;
  const userId = first?.user_id;
  const scopes = Array.isArray(permissions)
    ? permissions.filter((p): p is string => typeof p === 'string')
    : splitScopes(str(first, 'permissions'));
  return {
    accessToken: requireAccessToken(row, LABEL),
    ...(typeof userId === 'string' || typeof userId === 'number' ? { userId: String(userId) } : {}),
    ...(scopes && scopes.length > 0 ? { scopes } : {}),
  };
}
