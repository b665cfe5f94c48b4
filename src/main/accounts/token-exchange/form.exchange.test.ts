import { afterEach, describe, expect, it } from 'vitest';
import { TIKTOK_OAUTH_DIALECT, TIKTOK_OPEN_ID } from '../../../../test/peers/tiktok/oauth';
import {
  type FormPeerDialect,
  type FormTokenPeer,
  GOOGLE_DIALECT,
  LINKEDIN_DIALECT,
  startFormTokenPeer,
} from '../../../../test/peers/token-endpoints/form-token-peer';
import { s256Hex } from '../../../../test/peers/token-endpoints/grant-book';
import { TokenCallError } from '../oauth-client';
import { codeGrantFrom } from './exchange.test-support';
import { CONFIDENTIAL_EXCHANGES, defaultExchangeTarget } from './index';

const APP = { clientId: 'client-77', clientSecret: 'form-secret-31' };
const T0 = new Date('2026-11-25T10:00:00.000Z');

const CASES = [
  { platform: 'tiktok', dialect: TIKTOK_OAUTH_DIALECT, hex: true },
  { platform: 'linkedin', dialect: LINKEDIN_DIALECT, hex: false },
  { platform: 'youtube', dialect: GOOGLE_DIALECT, hex: false },
] as const satisfies readonly { platform: 'tiktok' | 'linkedin' | 'youtube'; dialect: FormPeerDialect; hex: boolean }[];

let peer: FormTokenPeer | null = null;
afterEach(async () => {
  await peer?.close();
  peer = null;
});

async function refusal(promise: Promise<unknown>): Promise<TokenCallError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenCallError);
  return error as TokenCallError;
}

describe.each(CASES)('$platform token calls with the client secret', ({ platform, dialect, hex }) => {
  const exchange = CONFIDENTIAL_EXCHANGES[platform];
  const start = async () => {
    peer = await startFormTokenPeer(dialect, { ...APP, now: () => T0 });
    return peer;
  };
  const grant = (p: FormTokenPeer) =>
    codeGrantFrom(
      `${p.origin}${dialect.authorizePath}`,
      { [dialect.clientIdParam]: APP.clientId, scope: ['a', 'b'].join(dialect.scopeSeparator), response_type: 'code' },
      hex ? (v) => Promise.resolve(s256Hex(v)) : undefined,
    );
  const target = (p: FormTokenPeer) => defaultExchangeTarget(platform, p.origin, T0);

  it('exchanges the code, then refreshes', async () => {
    const p = await start();
    const token = await exchange.exchangeCode(APP, await grant(p), target(p));
    expect(token.scopes).toEqual(['a', 'b']);
    expect(token.expiresAt).toBe(new Date(T0.getTime() + dialect.accessSeconds * 1000).toISOString());
    expect(token.refreshToken).toBeDefined();
    if (platform === 'tiktok') expect(token.extra).toEqual({ openId: TIKTOK_OPEN_ID });
    const renewed = await exchange.refresh(APP, token, target(p));
    expect(renewed.accessToken).not.toBe(token.accessToken);
    // Rotation at TikTok; Google and LinkedIn keep the refresh token they issued.
    expect(renewed.refreshToken === token.refreshToken).toBe(!dialect.rotatesRefresh);
    expect(renewed.scopes).toEqual(['a', 'b']);
  });

  it('a code used twice is refused for good (invalid_grant → revoked)', async () => {
    const p = await start();
    const g = await grant(p);
    await exchange.exchangeCode(APP, g, target(p));
    const error = await refusal(exchange.exchangeCode(APP, g, target(p)));
    expect(error).toMatchObject({ kind: 'revoked', oauthError: 'invalid_grant' });
  });

  it('a wrong secret is refused as invalid_client, and the secret is not repeated', async () => {
    const p = await start();
    const error = await refusal(
      exchange.exchangeCode({ ...APP, clientSecret: 'wrong-secret-1' }, await grant(p), target(p)),
    );
    expect(error).toMatchObject({ kind: 'revoked', oauthError: 'invalid_client' });
    expect(error.message).not.toContain('wrong-secret-1');
  });

  it('a 5xx is transient', async () => {
    const p = await start();
    const g = await grant(p);
    p.inject({
      kind: 'error',
      status: 503,
      body: { error: 'temporarily_unavailable', error_description: 'try later' },
    });
    expect((await refusal(exchange.exchangeCode(APP, g, target(p)))).kind).toBe('transient');
  });

  it('a refresh without a refresh token asks for a new sign-in', async () => {
    const p = await start();
    expect((await refusal(exchange.refresh(APP, { accessToken: 'a' }, target(p)))).kind).toBe('revoked');
  });
});

describe('PKCE where the platform checks it', () => {
  it('TikTok refuses a verifier whose hex challenge does not match (invalid_request, not a reconnect)', async () => {
    peer = await startFormTokenPeer(TIKTOK_OAUTH_DIALECT, { ...APP, now: () => T0 });
    const g = await codeGrantFrom(
      `${peer.origin}/v2/auth/authorize/`,
      { client_key: APP.clientId, scope: 'video.upload', response_type: 'code' },
      // base64url instead of TikTok's hex: what an RFC-only client would send.
      undefined,
    );
    const error = await refusal(
      CONFIDENTIAL_EXCHANGES.tiktok.exchangeCode(APP, g, defaultExchangeTarget('tiktok', peer.origin, T0)),
    );
    expect(error).toMatchObject({ kind: 'transient', oauthError: 'invalid_request' });
  });
});
