import { bearer, formField, type RestPeer, type RestReply, type RestRequest, startRestPeer } from '../shared/rest-peer';
import { type CodeCheck, GrantBook, s256Base64url } from './grant-book';

/**
 * Meta's sign-in and token endpoints for Facebook, Instagram (Business Login) and Threads on
 * 127.0.0.1. One peer serves one platform; its authorize page signs the test user in at once and
 * redirects with a code, as the system browser would see it.
 *
 * Facebook (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow):
 *   GET /v21.0/dialog/oauth → 302 redirect_uri?code&state;
 *   GET /v21.0/oauth/access_token?client_id&redirect_uri&client_secret&code[&code_verifier] → short token;
 *   GET /v21.0/oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token
 *   → `{access_token, token_type, expires_in}` ~60 days
 *   (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
 * Instagram (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login):
 *   GET /oauth/authorize; POST /oauth/access_token (form) → `{data: [{access_token, user_id, permissions}]}`;
 *   GET /access_token?grant_type=ig_exchange_token&client_secret&access_token
 *   (https://developers.facebook.com/docs/instagram-platform/reference/access_token);
 *   GET /refresh_access_token?grant_type=ig_refresh_token&access_token, token ≥ 24 h old
 *   (https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token).
 * Threads (https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions,
 *   https://developers.facebook.com/docs/threads/get-started/long-lived-tokens): same shapes with
 *   `th_exchange_token` / `th_refresh_token`, code answer `{access_token, user_id}`.
 * Errors (https://developers.facebook.com/docs/graph-api/guides/error-handling): 400
 *   `{error: {message, type: 'OAuthException', code, error_subcode?, fbtrace_id}}`; api.instagram.com's
 *   code exchange answers `{error_type, code, error_message}` instead.
 * `GET /me` (Bearer) answers only for long-lived tokens, so a test proves the exchange happened.
 * Facebook only: `DELETE /v21.0/me/permissions` (or `/{user-id}/permissions`) with the user token →
 * `{success: true}`, after which every token of the user is dead
 * (https://developers.facebook.com/docs/graph-api/reference/user/permissions/). Instagram's and Threads'
 * graph hosts document no such call, so their peers have none (unknown path → code 100).
 */
export type MetaPlatform = 'facebook' | 'instagram' | 'threads';

export interface MetaPeerOptions {
  platform: MetaPlatform;
  clientId: string;
  clientSecret: string;
  now: () => Date;
  user?: { id: string; username: string; name: string };
  /** Scopes the user grants (all requested by default). */
  grant?: (requested: string[]) => string[];
}

export interface MetaTokenPeer extends RestPeer {
  readonly book: GrantBook;
}

const SHORT_SECONDS = 3_600;
const LONG_SECONDS = 5_183_944;
const DAY_MS = 24 * 3_600_000;

export async function startMetaTokenPeer(options: MetaPeerOptions): Promise<MetaTokenPeer> {
  const book = new GrantBook(options.now);
  const user = options.user ?? { id: '17841400000000001', username: 'ada.makes', name: 'Ada Lovelace' };
  const v = options.platform === 'facebook' ? '/v21.0' : '';
  const handler = (request: RestRequest): RestReply => {
    const { method, path } = request;
    if (method === 'GET' && path === (options.platform === 'facebook' ? `${v}/dialog/oauth` : '/oauth/authorize')) {
      return authorize(request);
    }
    if (path === `${v}/oauth/access_token`) {
      if (options.platform === 'facebook' && method === 'GET') {
        return request.query.get('grant_type') === 'fb_exchange_token' ? longLived(request) : facebookCode(request);
      }
      if (options.platform !== 'facebook' && method === 'POST') return formCode(request);
    }
    if (options.platform !== 'facebook' && method === 'GET' && path === '/access_token') return longLived(request);
    if (options.platform !== 'facebook' && method === 'GET' && path === '/refresh_access_token')
      return refresh(request);
    if (
      options.platform === 'facebook' &&
      method === 'DELETE' &&
      (path === `${v}/me/permissions` || path === `${v}/${user.id}/permissions`)
    ) {
      return revokePermissions(request);
    }
    if (method === 'GET' && path === `${v}/me`) {
      const token = book.live(bearer(request.headers) ?? request.query.get('access_token') ?? undefined, ['long']);
      if (!token) return graphError(190, 'Error validating access token: the session is invalid.', 401);
      return { status: 200, body: { id: user.id, username: user.username, name: user.name } };
    }
    return graphError(100, `Unknown path components: ${path}`, 400);
  };

  const authorize = (request: RestRequest): RestReply => {
    const q = request.query;
    const redirect = q.get('redirect_uri');
    if (q.get('client_id') !== options.clientId || !redirect) {
      return { status: 400, body: { error: 'Invalid platform app or redirect_uri' } };
    }
    // Meta's scope lists are comma-separated.
    const requested = (q.get('scope') ?? '').split(',').filter(Boolean);
    const code = book.issueCode({
      clientId: options.clientId,
      redirectUri: redirect,
      scopes: options.grant ? options.grant(requested) : requested,
      challenge: q.get('code_challenge'),
    });
    const back = new URL(redirect);
    back.searchParams.set('code', code);
    if (q.get('state')) back.searchParams.set('state', q.get('state') ?? '');
    return { status: 302, headers: { location: back.toString() } };
  };

  const checkSecret = (clientId: string | undefined | null, secret: string | undefined | null): RestReply | null => {
    if (clientId !== undefined && clientId !== null && clientId !== options.clientId) {
      return graphError(101, 'Error validating application. Invalid application ID.', 400);
    }
    if (secret !== options.clientSecret) return graphError(1, 'Error validating client secret.', 400);
    return null;
  };

  const codeRefusal = (check: Exclude<CodeCheck, { ok: true }>): RestReply => {
    const text = {
      unknown: ['Invalid verification code format.', undefined],
      used: ['This authorization code has been used.', 36009],
      expired: ['This authorization code has expired.', 36007],
      redirect: [
        'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
        36008,
      ],
      client: ['Invalid verification code format.', undefined],
      verifier: ['Invalid code verifier.', undefined],
    } as const;
    const [message, subcode] = text[check.why];
    if (options.platform === 'instagram') {
      return { status: 400, body: { error_type: 'OAuthException', code: 400, error_message: message } };
    }
    return graphError(100, message, 400, subcode);
  };

  const facebookCode = (request: RestRequest): RestReply => {
    const q = request.query;
    const refused = checkSecret(q.get('client_id'), q.get('client_secret'));
    if (refused) return refused;
    const verifier = q.get('code_verifier');
    const check = book.redeem(q.get('code') ?? '', options.clientId, q.get('redirect_uri') ?? '', (challenge) =>
      verifier !== null ? s256Base64url(verifier) === challenge : false,
    );
    if (!check.ok) return codeRefusal(check);
    const token = book.issueToken('short', check.code.scopes, SHORT_SECONDS);
    return { status: 200, body: { access_token: token.token, token_type: 'bearer', expires_in: SHORT_SECONDS } };
  };

  const formCode = (request: RestRequest): RestReply => {
    if (request.body.kind !== 'form') return graphError(100, 'The request must be a form post.', 400);
    const field = (name: string) => formField(request.body, name);
    if (field('client_id') !== options.clientId) {
      return options.platform === 'instagram'
        ? { status: 400, body: { error_type: 'OAuthException', code: 400, error_message: 'Invalid platform app' } }
        : graphError(101, 'Error validating application. Invalid application ID.', 400);
    }
    if (field('client_secret') !== options.clientSecret) {
      return options.platform === 'instagram'
        ? {
            status: 400,
            body: { error_type: 'OAuthException', code: 400, error_message: 'Error validating client secret.' },
          }
        : graphError(1, 'Error validating client secret.', 400);
    }
    if (field('grant_type') !== 'authorization_code') return graphError(100, 'Unsupported grant_type.', 400);
    // Instagram and Threads document no PKCE on the token call: the verifier is not checked.
    const check = book.redeem(field('code') ?? '', options.clientId, field('redirect_uri') ?? '', null);
    if (!check.ok) return codeRefusal(check);
    const token = book.issueToken('short', check.code.scopes, SHORT_SECONDS);
    if (options.platform === 'instagram') {
      const row = { access_token: token.token, user_id: user.id, permissions: check.code.scopes.join(',') };
      return { status: 200, body: { data: [row] } };
    }
    return { status: 200, body: { access_token: token.token, user_id: user.id } };
  };

  const longLived = (request: RestRequest): RestReply => {
    const q = request.query;
    const expected = { facebook: 'fb_exchange_token', instagram: 'ig_exchange_token', threads: 'th_exchange_token' };
    if (q.get('grant_type') !== expected[options.platform]) return graphError(100, 'Unsupported grant_type.', 400);
    const refused = checkSecret(options.platform === 'facebook' ? q.get('client_id') : null, q.get('client_secret'));
    if (refused) return refused;
    const shortValue = options.platform === 'facebook' ? q.get('fb_exchange_token') : q.get('access_token');
    const short = book.live(shortValue ?? undefined, ['short']);
    if (!short) return graphError(190, 'Error validating access token: Session has expired or is invalid.', 400);
    const long = book.issueToken('long', short.scopes, LONG_SECONDS);
    return { status: 200, body: { access_token: long.token, token_type: 'bearer', expires_in: LONG_SECONDS } };
  };

  const refresh = (request: RestRequest): RestReply => {
    const q = request.query;
    const expected = options.platform === 'instagram' ? 'ig_refresh_token' : 'th_refresh_token';
    if (q.get('grant_type') !== expected) return graphError(100, 'Unsupported grant_type.', 400);
    const current = book.live(q.get('access_token') ?? undefined, ['long']);
    if (!current) return graphError(190, 'Error validating access token: Session has expired or is invalid.', 400);
    if (options.now().getTime() - current.issuedAt < DAY_MS) {
      return graphError(100, 'The access token must be at least 24 hours old to be refreshed.', 400);
    }
    const renewed = book.issueToken('long', current.scopes, LONG_SECONDS);
    return { status: 200, body: { access_token: renewed.token, token_type: 'bearer', expires_in: LONG_SECONDS } };
  };

  // DELETE /{user-id}/permissions with the user's token withdraws every permission and de-authorizes the
  // app: all its tokens for the user stop working (https://developers.facebook.com/docs/graph-api/reference/user/permissions/).
  const revokePermissions = (request: RestRequest): RestReply => {
    const value = bearer(request.headers) ?? request.query.get('access_token') ?? undefined;
    if (!book.live(value, ['short', 'long'])) {
      return graphError(190, 'Error validating access token: the session is invalid.', 400);
    }
    book.revokeAll();
    return { status: 200, body: { success: true } };
  };

  const peer = await startRestPeer(handler);
  return Object.assign(peer, { book });
}

/** The Graph error body (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
export function graphError(code: number, message: string, status: number, subcode?: number): RestReply {
  return {
    status,
    body: {
      error: {
        message,
        type: 'OAuthException',
        code,
        ...(subcode ? { error_subcode: subcode } : {}),
        fbtrace_id: 'AbCdEfGhIjK',
      },
    },
  };
}

/** A Graph 5xx for `inject` (Meta answers `is_transient: true` with code 2 on service trouble). */
export const metaServiceDown = {
  kind: 'error',
  status: 503,
  body: {
    error: {
      message: 'Service temporarily unavailable',
      type: 'OAuthException',
      code: 2,
      is_transient: true,
      fbtrace_id: 'AbCdEfGhIjK',
    },
  },
} as const;
