import {
  type FormPeerOptions,
  type FormPeerDialect,
  type FormTokenPeer,
  startFormTokenPeer,
} from '../token-endpoints/form-token-peer';

/**
 * TikTok's Login Kit on 127.0.0.1: authorize `GET /v2/auth/authorize/` with `client_key`, comma-separated
 * `scope`, `response_type=code`, `redirect_uri`, `state`, and — Login Kit for Desktop — a PKCE
 * `code_challenge` that is the hex SHA-256 of the verifier with `code_challenge_method=S256`
 * (https://developers.tiktok.com/doc/login-kit-desktop/); token `POST /v2/oauth/token/` (form:
 * client_key, client_secret, code, grant_type, redirect_uri, code_verifier; refresh_token grant)
 * → `{open_id, scope, access_token, expires_in: 86400, refresh_token, refresh_expires_in: 31536000,
 * token_type}` (https://developers.tiktok.com/doc/oauth-user-access-token-management); errors
 * `{error, error_description, log_id}` (https://developers.tiktok.com/doc/oauth-error-handling).
 * The open_id is the user's id in the Display API peer (`server.ts`).
 */
export const TIKTOK_OPEN_ID = '-000OvTfzVWuhzGTWeWa6UK4X2oA9hztc0vV';
const LOG_ID = '20261125100000ABCDEF0123456789';

export const TIKTOK_OAUTH_DIALECT: FormPeerDialect = {
  authorizePath: '/v2/auth/authorize/',
  tokenPath: '/v2/oauth/token/',
  clientIdParam: 'client_key',
  scopeSeparator: ',',
  pkce: 'hex',
  accessSeconds: 86_400,
  refreshSeconds: 31_536_000,
  // TikTok: "the refresh token may be a new one"; the peer always rotates, the stricter case.
  rotatesRefresh: true,
  extraAnswer: () => ({ open_id: TIKTOK_OPEN_ID, refresh_expires_in: 31_536_000 }),
  extraError: { log_id: LOG_ID },
  invalidClientStatus: 401,
  // https://developers.tiktok.com/docs/en/oauth-revoke-a-user-access-token: POST /v2/oauth/revoke/ (form:
  // client_key, client_secret, token = the user access token) → 200 `{}`; the app is disconnected from the
  // account, so its refresh token dies too. A token it does not know is answered as RFC 7009 §2.2 does.
  revoke: { path: '/v2/oauth/revoke/', clientAuth: true, okBody: {}, unknownToken: 'ok' },
  // https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info: `{ data, error: { code, message, log_id } }`.
  me: {
    path: '/v2/user/info/',
    ok: () => ({ data: { user: { open_id: TIKTOK_OPEN_ID } }, error: { code: 'ok', message: '', log_id: LOG_ID } }),
    dead: {
      status: 401,
      body: {
        data: {},
        error: {
          code: 'access_token_invalid',
          message: 'The access token is invalid or not found in the request.',
          log_id: LOG_ID,
        },
      },
    },
  },
};

export function startTikTokOAuthPeer(options: FormPeerOptions): Promise<FormTokenPeer> {
  return startFormTokenPeer(TIKTOK_OAUTH_DIALECT, options);
}
