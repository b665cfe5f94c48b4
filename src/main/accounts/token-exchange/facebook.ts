import { TokenCallError } from '../oauth-client';
import type { ConfidentialExchange } from './confidential-exchange';
import { metaError } from './meta-errors';
import { expiresAt, num, requireAccessToken, tokenCall, tokenSet } from './token-http';

const LABEL = 'Facebook';

/**
 * Facebook Login's token calls, both `GET /{version}/oauth/access_token` on graph.facebook.com:
 * - code → short-lived user token with the app secret, the exact redirect URI and the PKCE verifier
 *   (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#confirm);
 * - short → long-lived (about 60 days) with `grant_type=fb_exchange_token`
 *   (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
 * A long-lived user token cannot be renewed without the creator: there is no refresh grant.
 */
export const facebookExchange: ConfidentialExchange = {
  platform: 'facebook',

  async exchangeCode(app, grant, target) {
    const codeUrl = new URL(target.tokenUrl);
    codeUrl.searchParams.set('client_id', app.clientId);
    codeUrl.searchParams.set('redirect_uri', grant.redirectUri);
    codeUrl.searchParams.set('client_secret', app.clientSecret);
    codeUrl.searchParams.set('code', grant.code);
    codeUrl.searchParams.set('code_verifier', grant.codeVerifier);
    const short = await tokenCall(codeUrl, { method: 'GET' }, target, LABEL);
    if (short.status !== 200) throw metaError(short, LABEL);
    const shortToken = requireAccessToken(short, LABEL);

    const longUrl = new URL(target.tokenUrl);
    longUrl.searchParams.set('grant_type', 'fb_exchange_token');
    longUrl.searchParams.set('client_id', app.clientId);
    longUrl.searchParams.set('client_secret', app.clientSecret);
    longUrl.searchParams.set('fb_exchange_token', shortToken);
    const long = await tokenCall(longUrl, { method: 'GET' }, target, LABEL);
    if (long.status !== 200) throw metaError(long, LABEL);
    return tokenSet({
      accessToken: requireAccessToken(long, LABEL),
      expiresAt: expiresAt(target.now, num(long.body, 'expires_in')),
    });
  },

  refresh() {
    return Promise.reject(
      new TokenCallError(
        'revoked',
        'Facebook tokens cannot be renewed by Cadence; sign in to Facebook again to keep posting',
        'no_refresh',
      ),
    );
  },
};
