import type { ConfidentialExchange } from './confidential-exchange';
import { formTokenSet, postRevokeForm, postTokenForm, requireRefreshToken } from './oauth2-form';
import { str } from './token-http';

const DIALECT = { label: 'TikTok', clientIdParam: 'client_key' };

/**
 * TikTok's `POST open.tiktokapis.com/v2/oauth/token/` (form): `client_key`, `client_secret`, `code`,
 * `grant_type=authorization_code`, `redirect_uri`, and `code_verifier` (required for desktop apps)
 * → `{ open_id, scope (comma-separated), access_token, expires_in (24 h), refresh_token (365 days),
 * refresh_expires_in, token_type }`; `grant_type=refresh_token` renews (the refresh token may change).
 * https://developers.tiktok.com/doc/oauth-user-access-token-management,
 * errors: https://developers.tiktok.com/doc/oauth-error-handling.
 * Revocation: `POST /v2/oauth/revoke/` (form: `client_key`, `client_secret`, `token` = the access token)
 * → 200 `{}`, which disconnects the app from the account
 * (https://developers.tiktok.com/docs/en/oauth-revoke-a-user-access-token).
 */
export const tiktokExchange: ConfidentialExchange = {
  platform: 'tiktok',

  async exchangeCode(app, grant, target) {
    const answer = await postTokenForm(
      DIALECT,
      {
        client_key: app.clientId,
        client_secret: app.clientSecret,
        code: grant.code,
        grant_type: 'authorization_code',
        redirect_uri: grant.redirectUri,
        code_verifier: grant.codeVerifier,
      },
      target,
    );
    const openId = str(answer.body, 'open_id');
    return formTokenSet(answer, DIALECT.label, target.now, undefined, openId ? { openId } : undefined);
  },

  async refresh(app, token, target) {
    const answer = await postTokenForm(
      DIALECT,
      {
        client_key: app.clientId,
        client_secret: app.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: requireRefreshToken(token, DIALECT.label),
      },
      target,
    );
    const openId = str(answer.body, 'open_id');
    return formTokenSet(answer, DIALECT.label, target.now, token, openId ? { openId } : undefined);
  },

  revoke(app, token, target) {
    return postRevokeForm(
      DIALECT.label,
      new URL('/v2/oauth/revoke/', target.tokenUrl),
      { client_key: app.clientId, client_secret: app.clientSecret, token: token.accessToken },
      target,
    );
  },
};
