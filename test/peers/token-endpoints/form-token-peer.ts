import { bearer, formField, type RestPeer, type RestReply, type RestRequest, startRestPeer } from '../shared/rest-peer';
import { GrantBook, s256Base64url, s256Hex } from './grant-book';

/**
 * An RFC 6749 authorization server whose token endpoint takes the client secret in the form body,
 * configured per platform (paths, the client id's parameter name, scope separator, PKCE encoding,
 * error statuses, lifetimes). Used for LinkedIn and Google here and for TikTok in test/peers/tiktok.
 * Follows RFC 6749 §4.1 (code single-use, redirect_uri must match), §5.1 (answer with
 * `Cache-Control: no-store`), §5.2 (`{error, error_description}`), §6 (refresh), RFC 7636 §4.6.
 */
export interface FormPeerDialect {
  authorizePath: string;
  tokenPath: string;
  /** 'client_key' at TikTok. */
  clientIdParam: string;
  scopeSeparator: ',' | ' ';
  /** How the platform computes the challenge it compares; null when it does not check PKCE. */
  pkce: 'base64url' | 'hex' | null;
  accessSeconds: number;
  /** null: the platform issues no refresh token. */
  refreshSeconds: number | null;
  /** Whether a refresh hands out a new refresh token (TikTok may; Google never does). */
  rotatesRefresh: boolean;
  /** Extra fields of a successful answer (TikTok's `open_id`, `refresh_expires_in`). */
  extraAnswer?: (scopes: string[]) => Record<string, unknown>;
  /** Extra fields of an error body (TikTok's `log_id`). */
  extraError?: Record<string, unknown>;
  /** The status of an invalid_client answer (401 per §5.2). */
  invalidClientStatus: number;
  /** The platform's revocation endpoint; a revoke withdraws the whole grant (access and refresh tokens). */
  revoke: {
    path: string;
    /** Whether it takes the client id and secret in the form (TikTok, LinkedIn) or only the token (Google). */
    clientAuth: boolean;
    /** The body of a successful answer (TikTok `{}`, LinkedIn and Google nothing). */
    okBody?: unknown;
    /** How it answers a token it does not know or that is already dead: RFC 7009 §2.2's 200, or Google's 400. */
    unknownToken: 'ok' | RestReply;
  };
  /** One API call that needs a live access token, so a test can see a revoked token stop working. */
  me: { path: string; ok: (scopes: string[]) => unknown; dead: RestReply };
}

export interface FormPeerOptions {
  clientId: string;
  clientSecret: string;
  now: () => Date;
}

export interface FormTokenPeer extends RestPeer {
  readonly book: GrantBook;
}

export async function startFormTokenPeer(dialect: FormPeerDialect, options: FormPeerOptions): Promise<FormTokenPeer> {
  const book = new GrantBook(options.now);
  const fail = (status: number, error: string, description: string): RestReply => ({
    status,
    headers: { 'cache-control': 'no-store' },
    body: { error, error_description: description, ...dialect.extraError },
  });

  const authorize = (request: RestRequest): RestReply => {
    const q = request.query;
    const redirect = q.get('redirect_uri');
    if (q.get(dialect.clientIdParam) !== options.clientId || !redirect || q.get('response_type') !== 'code') {
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: 'client, redirect or response_type' },
      };
    }
    const challenge = q.get('code_challenge');
    if (dialect.pkce && (!challenge || q.get('code_challenge_method') !== 'S256')) {
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: 'code_challenge with S256 is required' },
      };
    }
    const code = book.issueCode({
      clientId: options.clientId,
      redirectUri: redirect,
      scopes: (q.get('scope') ?? '').split(dialect.scopeSeparator).filter(Boolean),
      challenge,
    });
    const back = new URL(redirect);
    back.searchParams.set('code', code);
    back.searchParams.set('state', q.get('state') ?? '');
    return { status: 302, headers: { location: back.toString() } };
  };

  const answer = (scopes: string[], refresh: string | undefined, family: string): RestReply => {
    const access = book.issueToken('access', scopes, dialect.accessSeconds, family);
    return {
      status: 200,
      headers: { 'cache-control': 'no-store' },
      body: {
        access_token: access.token,
        expires_in: dialect.accessSeconds,
        token_type: 'Bearer',
        scope: scopes.join(dialect.scopeSeparator),
        ...(refresh ? { refresh_token: refresh } : {}),
        ...dialect.extraAnswer?.(scopes),
      },
    };
  };

  const token = (request: RestRequest): RestReply => {
    if (request.body.kind !== 'form') return fail(400, 'invalid_request', 'The body must be form-urlencoded.');
    const field = (name: string) => formField(request.body, name);
    if (field(dialect.clientIdParam) !== options.clientId || field('client_secret') !== options.clientSecret) {
      return fail(dialect.invalidClientStatus, 'invalid_client', 'Client authentication failed.');
    }
    if (field('grant_type') === 'authorization_code') {
      const verifier = field('code_verifier');
      const encode = dialect.pkce === 'hex' ? s256Hex : s256Base64url;
      const check = book.redeem(
        field('code') ?? '',
        options.clientId,
        field('redirect_uri') ?? '',
        dialect.pkce ? (challenge) => verifier !== undefined && encode(verifier) === challenge : null,
      );
      if (!check.ok) {
        return check.why === 'verifier'
          ? fail(400, 'invalid_request', 'Code verifier or code challenge is invalid.')
          : fail(
              400,
              'invalid_grant',
              `Authorization code is ${check.why === 'used' ? 'already used' : 'invalid or expired'}.`,
            );
      }
      const family = check.code.code;
      const refresh =
        dialect.refreshSeconds === null
          ? undefined
          : book.issueToken('refresh', check.code.scopes, dialect.refreshSeconds, family).token;
      return answer(check.code.scopes, refresh, family);
    }
    if (field('grant_type') === 'refresh_token') {
      const current = book.live(field('refresh_token'), ['refresh']);
      if (!current) return fail(400, 'invalid_grant', 'Refresh token is invalid or expired.');
      let refresh: string | undefined;
      if (dialect.rotatesRefresh && dialect.refreshSeconds !== null) {
        current.revoked = true;
        refresh = book.issueToken('refresh', current.scopes, dialect.refreshSeconds, current.family).token;
      }
      return answer(current.scopes, refresh, current.family);
    }
    return fail(400, 'unsupported_grant_type', 'The grant type is not supported.');
  };

  const revoke = (request: RestRequest): RestReply => {
    if (request.body.kind !== 'form') return fail(400, 'invalid_request', 'The body must be form-urlencoded.');
    const field = (name: string) => formField(request.body, name);
    if (
      dialect.revoke.clientAuth &&
      (field(dialect.clientIdParam) !== options.clientId || field('client_secret') !== options.clientSecret)
    ) {
      return fail(dialect.invalidClientStatus, 'invalid_client', 'Client authentication failed.');
    }
    const value = field('token');
    if (!value) return fail(400, 'invalid_request', 'The token parameter is required.');
    const found = book.live(value, ['access', 'refresh']);
    if (!found) return dialect.revoke.unknownToken === 'ok' ? { status: 200 } : dialect.revoke.unknownToken;
    book.revokeFamily(found.family);
    return { status: 200, ...(dialect.revoke.okBody === undefined ? {} : { body: dialect.revoke.okBody }) };
  };

  const me = (request: RestRequest): RestReply => {
    const live = book.live(bearer(request.headers), ['access']);
    return live ? { status: 200, body: dialect.me.ok(live.scopes) } : dialect.me.dead;
  };

  const peer = await startRestPeer((request) => {
    if (request.method === 'GET' && request.path === dialect.authorizePath) return authorize(request);
    if (request.method === 'POST' && request.path === dialect.tokenPath) return token(request);
    if (request.method === 'POST' && request.path === dialect.revoke.path) return revoke(request);
    if (request.method === 'GET' && request.path === dialect.me.path) return me(request);
    return { status: 404, body: { error: 'not_found' } };
  });
  return Object.assign(peer, { book });
}

/**
 * LinkedIn's 3-legged flow (https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow):
 * authorize `/oauth/v2/authorization` (space-separated scopes), token `/oauth/v2/accessToken`; tokens live
 * 60 days; refresh tokens (365 days) only for apps with programmatic refresh
 * (https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens).
 */
export const LINKEDIN_DIALECT: FormPeerDialect = {
  authorizePath: '/oauth/v2/authorization',
  tokenPath: '/oauth/v2/accessToken',
  clientIdParam: 'client_id',
  scopeSeparator: ' ',
  pkce: null,
  accessSeconds: 5_183_999,
  refreshSeconds: 31_536_059,
  rotatesRefresh: false,
  invalidClientStatus: 401,
  // Revocation: POST www.linkedin.com/oauth/v2/revoke (form: client_id, client_secret, token) → 200. LinkedIn's
  // Learn pages found no reference page for it (searched); the endpoint and parameters are those LinkedIn's own
  // OAuth server answers to, and a token it does not know is answered the RFC 7009 §2.2 way.
  revoke: { path: '/oauth/v2/revoke', clientAuth: true, unknownToken: 'ok' },
  // https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2;
  // LinkedIn's error body is `{ serviceErrorCode, message, status }`.
  me: {
    path: '/v2/userinfo',
    ok: () => ({ sub: 'li-member-1' }),
    dead: { status: 401, body: { serviceErrorCode: 65600, message: 'Invalid access token', status: 401 } },
  },
};

/**
 * Google's installed-app flow (https://developers.google.com/identity/protocols/oauth2/native-app):
 * authorize `/o/oauth2/v2/auth` with S256 PKCE, token `/token`; access tokens 1 h; the refresh token
 * is not rotated.
 */
export const GOOGLE_DIALECT: FormPeerDialect = {
  authorizePath: '/o/oauth2/v2/auth',
  tokenPath: '/token',
  clientIdParam: 'client_id',
  scopeSeparator: ' ',
  pkce: 'base64url',
  accessSeconds: 3_599,
  refreshSeconds: 15_552_000,
  rotatesRefresh: false,
  invalidClientStatus: 401,
  // https://developers.google.com/identity/protocols/oauth2/native-app#tokenrevoke: POST /revoke with `token`
  // (an access or a refresh token; either withdraws the grant), no client credentials; 200, or 400 with an
  // error code for a token that is unknown, expired or already revoked.
  revoke: {
    path: '/revoke',
    clientAuth: false,
    unknownToken: {
      status: 400,
      body: { error: 'invalid_token', error_description: 'Token expired or revoked' },
    },
  },
  me: {
    path: '/oauth2/v3/userinfo',
    ok: () => ({ sub: '110248495921238986420' }),
    dead: { status: 401, body: { error: 'invalid_request', error_description: 'Invalid Credentials' } },
  },
};
