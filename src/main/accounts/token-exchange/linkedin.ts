import type { ConfidentialExchange } from './confidential-exchange';
import { formTokenSet, postRevokeForm, postTokenForm, requireRefreshToken } from './oauth2-form';

const DIALECT = { label: 'LinkedIn', clientIdParam: 'client_id' };

/**
 * LinkedIn's 3-legged flow: `POST www.linkedin.com/oauth/v2/accessToken` (form) with
 * `grant_type=authorization_code`, `code`, `client_id`, `client_secret`, `redirect_uri` →
 * `{ access_token, expires_in, refresh_token?, refresh_token_expires_in?, scope }`; a refresh token is
 * issued only to apps with programmatic refresh, renewed with `grant_type=refresh_token`.
 * https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow,
 * https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens.
 * Revocation: `POST www.linkedin.com/oauth/v2/revoke` (form: `client_id`, `client_secret`, `token`) → 200;
 * LinkedIn publishes no reference page for it that we could find, so this follows its OAuth server's
 * RFC 7009 behaviour (see test/peers/token-endpoints/README.md).
 */
export const linkedinExchange: ConfidentialExchange = {
  platform: 'linkedin',

  async exchangeCode(app, grant, target) {
    const answer = await postTokenForm(
      DIALECT,
      {
        grant_type: 'authorization_code',
        code: grant.code,
        client_id: app.clientId,
        client_secret: app.clientSecret,
        redirect_uri: grant.redirectUri,
      },
      target,
    );
    return formTokenSet(answer, DIALECT.label, target.now);
  },

  async refresh(app, token, target) {
    const answer = await postTokenForm(
      DIALECT,
      {
        grant_type: 'refresh_token',
        refresh_token: requireRefreshToken(token, DIALECT.label),
        client_id: app.clientId,
        client_secret: app.clientSecret,
      },
      target,
    );
    return formTokenSet(answer, DIALECT.label, target.now, token);
  },

  revoke(app, token, target) {
    return postRevokeForm(
      DIALECT.label,
      new URL('/oauth/v2/revoke', target.tokenUrl),
      { client_id: app.clientId, client_secret: app.clientSecret, token: token.accessToken },
      target,
    );
  },
};
