import { GRAPH_VERSION } from '../../publishing/providers/facebook/facebook.http';
import { TokenCallError } from '../oauth-client';
import type { ConfidentialExchange } from './confidential-exchange';
import { isMetaTemporary, metaError } from './meta-errors';
import { expiresAt, num, requireAccessToken, tokenCall, tokenSet } from './token-http';

const LABEL = 'Facebook';

/**
 * Facebook Login's token calls, both `GET /{version}/oauth/access_token` on graph.facebook.com:
 * - code → short-lived user token with the app secret, the exact redirect URI and the PKCE verifier
 *   (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#confirm);
 * - short → long-lived (about 60 days) with `grant_type=fb_exchange_token`
 *   (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
 * A long-lived user token cannot be renewed without the creator: there is no refresh grant.
 * Revocation: `DELETE /{version}/me/permissions` with the user token withdraws every permission the
 * creator gave the app, which de-authorizes it (the User permissions edge,
 * https://developers.facebook.com/docs/graph-api/reference/user/permissions/, and Facebook Login's
 * https://developers.facebook.com/docs/facebook-login/guides/permissions/request-revoke).
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

  async revoke(_app, token, target) {
    const url = new URL(`/${GRAPH_VERSION}/me/permissions`, target.apiBaseUrl);
    url.searchParams.set('access_token', token.accessToken);
    const answer = await tokenCall(url, { method: 'DELETE' }, target, LABEL);
    if (answer.status !== 200) {
      if (isMetaTemporary(answer)) throw metaError(answer, LABEL);
      // A dead token (code 190) or a refused call leaves nothing to withdraw from here: false, not an error.
      return false;
    }
    // Meta answers `{ "success": true }` (older versions a bare `true`, which is not an object).
    return answer.body === null || answer.body.success !== false;
  },
};
