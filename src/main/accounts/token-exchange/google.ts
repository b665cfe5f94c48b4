import type { ConfidentialExchange } from './confidential-exchange';
import { formTokenSet, postRevokeForm, postTokenForm, requireRefreshToken } from './oauth2-form';

const DIALECT = { label: 'YouTube', clientIdParam: 'client_id' };

/**
 * Google's installed-app flow: `POST oauth2.googleapis.com/token` (form) with `code`, `client_id`,
 * `client_secret`, `redirect_uri`, `grant_type=authorization_code`, `code_verifier`; refresh with
 * `grant_type=refresh_token` (Google keeps the refresh token, so none comes back).
 * https://developers.google.com/identity/protocols/oauth2/native-app#exchange-authorization-code,
 * https://developers.google.com/identity/protocols/oauth2/native-app#offline.
 * Revocation: `POST oauth2.googleapis.com/revoke` with `token` and no client credentials; the refresh
 * token is sent when there is one, because revoking it withdraws the whole grant
 * (https://developers.google.com/identity/protocols/oauth2/native-app#tokenrevoke).
 */
export const googleExchange: ConfidentialExchange = {
  platform: 'youtube',

  async exchangeCode(app, grant, target) {
    const answer = await postTokenForm(
      DIALECT,
      {
        code: grant.code,
        client_id: app.clientId,
        client_secret: app.clientSecret,
        redirect_uri: grant.redirectUri,
        grant_type: 'authorization_code',
        code_verifier: grant.codeVerifier,
      },
      target,
    );
    return formTokenSet(answer, DIALECT.label, target.now);
  },

  async refresh(app, token, target) {
    const answer = await postTokenForm(
      DIALECT,
      {
        client_id: app.clientId,
        client_secret: app.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: requireRefreshToken(token, DIALECT.label),
      },
      target,
    );
    return formTokenSet(answer, DIALECT.label, target.now, token);
  },

  revoke(_app, token, target) {
    return postRevokeForm(
      DIALECT.label,
      new URL('/revoke', target.tokenUrl),
      { token: token.refreshToken ?? token.accessToken },
      target,
    );
  },
};
