import type { ConfidentialExchange } from './confidential-exchange';
import { metaError } from './meta-errors';
import { longLivedExchange, renewLongLived } from './meta-long-lived';
import { RENEWAL_KEY, RENEWS_ACCESS_TOKEN } from './renewal';
import { num, requireAccessToken, str, tokenCall, tokenSet } from './token-http';

const LABEL = 'Threads';

/**
 * Threads: `POST graph.threads.net/oauth/access_token` (client_id, client_secret, code,
 * grant_type=authorization_code, redirect_uri) → `{ access_token, user_id }` valid one hour, then
 * `th_exchange_token` → 60 days, renewed with `th_refresh_token`.
 * https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions,
 * https://developers.facebook.com/docs/threads/get-started/long-lived-tokens
 */
export const threadsExchange: ConfidentialExchange = {
  platform: 'threads',

  async exchangeCode(app, grant, target) {
    const form = new URLSearchParams({
      client_id: app.clientId,
      client_secret: app.clientSecret,
      code: grant.code,
      grant_type: 'authorization_code',
      redirect_uri: grant.redirectUri,
    });
    const answer = await tokenCall(new URL(target.tokenUrl), { method: 'POST', form }, target, LABEL);
    if (answer.status !== 200) throw metaError(answer, LABEL);
    const short = requireAccessToken(answer, LABEL);
    const userId = str(answer.body, 'user_id') ?? num(answer.body, 'user_id')?.toString();
    const long = await longLivedExchange('th_exchange_token', app.clientSecret, short, target, LABEL);
    return tokenSet({ ...long, extra: { [RENEWAL_KEY]: RENEWS_ACCESS_TOKEN, ...(userId ? { userId } : {}) } });
  },

  refresh(_app, token, target) {
    return renewLongLived('th_refresh_token', token, target, LABEL);
  },

  /**
   * The Threads API documents no way for an app to withdraw its own access on graph.threads.net (Facebook's
   * `DELETE /me/permissions` lives on graph.facebook.com and takes Facebook user tokens), so there is
   * nothing to call: false, and disconnect tells the creator where to remove Cadence by hand.
   */
  revoke() {
    return Promise.resolve(false);
  },
};
