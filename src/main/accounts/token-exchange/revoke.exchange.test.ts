import { afterEach, describe, expect, it } from 'vitest';
import { TIKTOK_OAUTH_DIALECT } from '../../../../test/peers/tiktok/oauth';
import {
  type FormPeerDialect,
  type FormTokenPeer,
  GOOGLE_DIALECT,
  LINKEDIN_DIALECT,
  startFormTokenPeer,
} from '../../../../test/peers/token-endpoints/form-token-peer';
import { s256Hex } from '../../../../test/peers/token-endpoints/grant-book';
import { metaServiceDown, startMetaTokenPeer, type MetaTokenPeer } from '../../../../test/peers/token-endpoints/meta';
import type { RestPeer } from '../../../../test/peers/shared/rest-peer';
import { TokenCallError } from '../oauth-client';
import { codeGrantFrom } from './exchange.test-support';
import { CONFIDENTIAL_EXCHANGES, defaultExchangeTarget } from './index';

/** Each platform's revocation against its peer: the token stops working on the peer's API afterwards. */

const APP = { clientId: 'client-77', clientSecret: 'form-secret-31' };
const T0 = new Date('2026-11-25T10:00:00.000Z');

let peer: RestPeer | null = null;
afterEach(async () => {
  await peer?.close();
  peer = null;
});

async function failure(promise: Promise<unknown>): Promise<TokenCallError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenCallError);
  return error as TokenCallError;
}

const CASES = [
  { platform: 'tiktok', dialect: TIKTOK_OAUTH_DIALECT, hex: true },
  { platform: 'linkedin', dialect: LINKEDIN_DIALECT, hex: false },
  { platform: 'youtube', dialect: GOOGLE_DIALECT, hex: false },
] as const satisfies readonly { platform: 'tiktok' | 'linkedin' | 'youtube'; dialect: FormPeerDialect; hex: boolean }[];

describe.each(CASES)('$platform revocation', ({ platform, dialect, hex }) => {
  const exchange = CONFIDENTIAL_EXCHANGES[platform];
  const target = (p: RestPeer) => defaultExchangeTarget(platform, p.origin, T0);
  async function connected() {
    const p: FormTokenPeer = await startFormTokenPeer(dialect, { ...APP, now: () => T0 });
    peer = p;
    const grant = await codeGrantFrom(
      `${p.origin}${dialect.authorizePath}`,
      { [dialect.clientIdParam]: APP.clientId, scope: 'a', response_type: 'code' },
      hex ? (v) => Promise.resolve(s256Hex(v)) : undefined,
    );
    const token = await exchange.exchangeCode(APP, grant, target(p));
    return { p, token };
  }
  const me = (p: RestPeer, accessToken: string) =>
    fetch(`${p.origin}${dialect.me.path}`, { headers: { authorization: `Bearer ${accessToken}` } });

  it('withdraws the grant: the access token stops working and the refresh token is refused', async () => {
    const { p, token } = await connected();
    expect((await me(p, token.accessToken)).status).toBe(200);

    expect(await exchange.revoke(APP, token, target(p))).toBe(true);

    const call = p.requests.find((r) => r.path === dialect.revoke.path);
    const fields =
      call?.body.kind === 'form' ? Object.fromEntries([...call.body.fields].map(([k, v]) => [k, v[0]])) : {};
    if (platform === 'youtube') {
      // Google takes the token alone; the refresh token withdraws the whole grant.
      expect(fields).toEqual({ token: token.refreshToken });
    } else {
      expect(fields).toEqual({
        [dialect.clientIdParam]: APP.clientId,
        client_secret: APP.clientSecret,
        token: token.accessToken,
      });
    }
    const dead = await me(p, token.accessToken);
    expect(dead.status).toBe(401);
    expect(await dead.json()).toEqual(dialect.me.dead.body);
    const error = await failure(exchange.refresh(APP, token, target(p)));
    expect(error).toMatchObject({ kind: 'revoked', oauthError: 'invalid_grant' });
  });

  it('a platform failure is transient, and the token still works', async () => {
    const { p, token } = await connected();
    p.inject({ kind: 'error', status: 503, body: { error: 'server_error' }, path: new RegExp(dialect.revoke.path) });
    const error = await failure(exchange.revoke(APP, token, target(p)));
    expect(error.kind).toBe('transient');
    expect((await me(p, token.accessToken)).status).toBe(200);
  });

  if (platform !== 'youtube') {
    it('a wrong secret withdraws nothing (false), and the secret is not repeated anywhere', async () => {
      const { p, token } = await connected();
      expect(await exchange.revoke({ ...APP, clientSecret: 'wrong-secret-1' }, token, target(p))).toBe(false);
      expect((await me(p, token.accessToken)).status).toBe(200);
    });
  } else {
    it('a token Google no longer knows is answered 400 invalid_token: false', async () => {
      const { p, token } = await connected();
      expect(await exchange.revoke(APP, token, target(p))).toBe(true);
      expect(await exchange.revoke(APP, token, target(p))).toBe(false);
    });
  }
});

describe('Meta revocation', () => {
  const FB = { clientId: 'fb-app-1', clientSecret: 'fb-secret-1' };

  async function facebookToken() {
    const p: MetaTokenPeer = await startMetaTokenPeer({ platform: 'facebook', ...FB, now: () => T0 });
    peer = p;
    const grant = await codeGrantFrom(`${p.origin}/v21.0/dialog/oauth`, { client_id: FB.clientId, scope: 'a,b' });
    const target = defaultExchangeTarget('facebook', p.origin, T0);
    const token = await CONFIDENTIAL_EXCHANGES.facebook.exchangeCode(FB, grant, target);
    return { p, token, target };
  }
  const me = (p: RestPeer, accessToken: string) =>
    fetch(`${p.origin}/v21.0/me`, { headers: { authorization: `Bearer ${accessToken}` } });

  it('Facebook: DELETE /me/permissions with the user token de-authorizes the app; the token is dead after', async () => {
    const { p, token, target } = await facebookToken();
    expect((await me(p, token.accessToken)).status).toBe(200);
    expect(await CONFIDENTIAL_EXCHANGES.facebook.revoke(FB, token, target)).toBe(true);
    const call = p.requests.find((r) => r.method === 'DELETE');
    expect(call?.path).toBe('/v21.0/me/permissions');
    expect(call?.query.get('access_token')).toBe(token.accessToken);
    const dead = await me(p, token.accessToken);
    expect(dead.status).toBe(401);
    expect(await dead.json()).toMatchObject({ error: { code: 190, type: 'OAuthException' } });
    // A second try has nothing left to withdraw (190): false, not an error.
    expect(await CONFIDENTIAL_EXCHANGES.facebook.revoke(FB, token, target)).toBe(false);
  });

  it('Facebook: Meta being down is transient, and the token still works', async () => {
    const { p, token, target } = await facebookToken();
    p.inject({ ...metaServiceDown, path: /permissions/ });
    const error = await failure(CONFIDENTIAL_EXCHANGES.facebook.revoke(FB, token, target));
    expect(error.kind).toBe('transient');
    expect((await me(p, token.accessToken)).status).toBe(200);
  });

  it.each(['instagram', 'threads'] as const)(
    '%s: no documented revocation, so nothing is sent and the answer is false',
    async (platform) => {
      const p = await startMetaTokenPeer({ platform, ...FB, now: () => T0 });
      peer = p;
      const target = defaultExchangeTarget(platform, p.origin, T0);
      expect(await CONFIDENTIAL_EXCHANGES[platform].revoke(FB, { accessToken: 'long-abc' }, target)).toBe(false);
      expect(p.requests).toEqual([]);
    },
  );
});
