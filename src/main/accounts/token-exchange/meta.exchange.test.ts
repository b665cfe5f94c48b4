import { afterEach, describe, expect, it } from 'vitest';
import {
  metaServiceDown,
  type MetaPlatform,
  type MetaTokenPeer,
  startMetaTokenPeer,
} from '../../../../test/peers/token-endpoints/meta';
import { TokenCallError } from '../oauth-client';
import { codeGrantFrom } from './exchange.test-support';
import { CONFIDENTIAL_EXCHANGES, defaultExchangeTarget } from './index';
import { canRenew } from './renewal';

const APP = { clientId: '1234567890', clientSecret: 'meta-secret-0001' };
const T0 = new Date('2026-11-25T10:00:00.000Z');

let now = T0;
let peer: MetaTokenPeer | null = null;

afterEach(async () => {
  await peer?.close();
  peer = null;
  now = T0;
});

async function start(platform: MetaPlatform): Promise<MetaTokenPeer> {
  peer = await startMetaTokenPeer({ platform, ...APP, now: () => now });
  return peer;
}

const authorizePath = (platform: MetaPlatform) =>
  platform === 'facebook' ? '/v21.0/dialog/oauth' : '/oauth/authorize';

async function grant(p: MetaTokenPeer, platform: MetaPlatform, scopes = 'a_scope,b_scope') {
  return codeGrantFrom(`${p.origin}${authorizePath(platform)}`, {
    client_id: APP.clientId,
    scope: scopes,
    response_type: 'code',
  });
}

async function refusal(promise: Promise<unknown>): Promise<TokenCallError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenCallError);
  return error as TokenCallError;
}

describe.each(['facebook', 'instagram', 'threads'] as const)('%s token exchange (own app or broker)', (platform) => {
  const exchange = CONFIDENTIAL_EXCHANGES[platform];

  it('exchanges the code with the secret, then for a long-lived (~60-day) token', async () => {
    const p = await start(platform);
    const token = await exchange.exchangeCode(
      APP,
      await grant(p, platform),
      defaultExchangeTarget(platform, p.origin, now),
    );
    expect(p.book.tokens.get(token.accessToken)?.kind).toBe('long');
    expect(Date.parse(token.expiresAt ?? '') - now.getTime()).toBe(5_183_944_000);
    expect(token.refreshToken).toBeUndefined();
    const me = await fetch(`${p.origin}${platform === 'facebook' ? '/v21.0' : ''}/me`, {
      headers: { authorization: `Bearer ${token.accessToken}` },
    });
    expect(me.status).toBe(200);
    if (platform === 'instagram') expect(token.scopes).toEqual(['a_scope', 'b_scope']);
    expect(canRenew(token)).toBe(platform !== 'facebook');
  });

  it('refuses a code used twice as a definite refusal (revoked)', async () => {
    const p = await start(platform);
    const g = await grant(p, platform);
    const target = defaultExchangeTarget(platform, p.origin, now);
    await exchange.exchangeCode(APP, g, target);
    const error = await refusal(exchange.exchangeCode(APP, g, target));
    expect(error.kind).toBe('revoked');
    expect(error.oauthError).toBe('invalid_grant');
    expect(error.message).toMatch(/has been used|already used|was not found/);
  });

  it('refuses a wrong secret as a refused client, without the secret in the message', async () => {
    const p = await start(platform);
    const error = await refusal(
      exchange.exchangeCode(
        { ...APP, clientSecret: 'not-the-secret' },
        await grant(p, platform),
        defaultExchangeTarget(platform, p.origin, now),
      ),
    );
    expect(error.kind).toBe('revoked');
    expect(error.oauthError).toBe('invalid_client');
    expect(error.message).not.toContain('not-the-secret');
  });

  it('calls a 5xx transient (never a reconnect)', async () => {
    const p = await start(platform);
    const g = await grant(p, platform);
    p.inject(metaServiceDown);
    const error = await refusal(exchange.exchangeCode(APP, g, defaultExchangeTarget(platform, p.origin, now)));
    expect(error.kind).toBe('transient');
  });

  it('calls an unreachable platform transient', async () => {
    const p = await start(platform);
    const g = await grant(p, platform);
    const origin = p.origin;
    await p.close();
    peer = null;
    const error = await refusal(exchange.exchangeCode(APP, g, defaultExchangeTarget(platform, origin, now)));
    expect(error.kind).toBe('transient');
  });
});

describe('renewing Meta tokens', () => {
  it('Facebook has no renewal: revoked with "sign in again"', async () => {
    const error = await refusal(
      CONFIDENTIAL_EXCHANGES.facebook.refresh(APP, { accessToken: 'x' }, defaultExchangeTarget('facebook', null, now)),
    );
    expect(error.kind).toBe('revoked');
    expect(error.message).toMatch(/sign in to Facebook again/);
  });

  it.each(['instagram', 'threads'] as const)(
    '%s renews the long-lived token itself once it is a day old',
    async (platform) => {
      const p = await start(platform);
      const exchange = CONFIDENTIAL_EXCHANGES[platform];
      const token = await exchange.exchangeCode(
        APP,
        await grant(p, platform),
        defaultExchangeTarget(platform, p.origin, now),
      );
      now = new Date(T0.getTime() + 2 * 24 * 3_600_000);
      const renewed = await exchange.refresh(APP, token, defaultExchangeTarget(platform, p.origin, now));
      expect(renewed.accessToken).not.toBe(token.accessToken);
      expect(Date.parse(renewed.expiresAt ?? '')).toBe(now.getTime() + 5_183_944_000);
      expect(canRenew(renewed)).toBe(true);
      const path = p.requests.at(-1);
      expect(path?.path).toBe('/refresh_access_token');
      expect(path?.query.get('grant_type')).toBe(platform === 'instagram' ? 'ig_refresh_token' : 'th_refresh_token');
    },
  );

  it('an expired Instagram token is refused for good (code 190 → revoked)', async () => {
    const p = await start('instagram');
    const exchange = CONFIDENTIAL_EXCHANGES.instagram;
    const token = await exchange.exchangeCode(
      APP,
      await grant(p, 'instagram'),
      defaultExchangeTarget('instagram', p.origin, now),
    );
    now = new Date(T0.getTime() + 61 * 24 * 3_600_000);
    const error = await refusal(exchange.refresh(APP, token, defaultExchangeTarget('instagram', p.origin, now)));
    expect(error.kind).toBe('revoked');
  });
});

describe('defaultExchangeTarget', () => {
  it("uses the platform's hosts, or moves the same paths to an override", () => {
    expect(defaultExchangeTarget('instagram', null, T0)).toMatchObject({
      tokenUrl: 'https://api.instagram.com/oauth/access_token',
      apiBaseUrl: 'https://graph.instagram.com',
    });
    expect(defaultExchangeTarget('tiktok', 'http://127.0.0.1:9/ignored', T0)).toMatchObject({
      tokenUrl: 'http://127.0.0.1:9/v2/oauth/token/',
      apiBaseUrl: 'http://127.0.0.1:9',
    });
    expect(defaultExchangeTarget('facebook', { override: () => 'http://127.0.0.1:7' }, T0).tokenUrl).toBe(
      'http://127.0.0.1:7/v21.0/oauth/access_token',
    );
  });
});
