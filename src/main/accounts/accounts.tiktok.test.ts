import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTikTokOAuthPeer, TIKTOK_OPEN_ID } from '../../../test/peers/tiktok/oauth';
import type { FormTokenPeer } from '../../../test/peers/token-endpoints/form-token-peer';
import { s256Hex } from '../../../test/peers/token-endpoints/grant-book';
import { invokeOk } from '../../../test/support/invoke';
import { createTestCore, domainDepsOf, type TestCore } from '../../../test/support/test-core';
import type { TokenSet } from '../publishing/providers/connector';
import { ConnectorRegistry } from '../publishing/providers/registry';
import { createTikTokConnector } from '../publishing/providers/tiktok/tiktok.connector';
import { AccountsService } from './accounts.service';
import { peerConnector, signInThroughBrowser } from './accounts.test-support';
import type { TokenBroker } from './token-broker';
import type { AppCredentials, CodeGrant } from './token-exchange/confidential-exchange';
import { CONFIDENTIAL_EXCHANGES, defaultExchangeTarget } from './token-exchange/index';

const TIKTOK = createTikTokConnector().auth;
if (TIKTOK.kind !== 'oauth2-pkce') throw new Error('TikTok signs in with OAuth');
const TIKTOK_AUTH = TIKTOK;
const OWN = { clientId: 'awx1creator0own', clientSecret: 'tiktok-own-secret-55' };
const CADENCE = { clientId: 'aw0cadence0app', clientSecret: 'cadence-tiktok-secret-99' };
const HOUR = 3_600_000;

/** A TikTok connector whose identity is the open_id the token call returned (no Display API here). */
function tiktokConnector() {
  return {
    ...peerConnector('tiktok', TIKTOK_AUTH),
    whoAmI: async (context: { token: TokenSet }) => ({
      externalId: context.token.extra?.openId ?? 'missing',
      handle: 'ada.tok',
      displayName: 'Ada',
    }),
  };
}

/** What the sync service's broker does for a signed-in device, with Cadence's app, in process. */
class InProcessBroker implements TokenBroker {
  calls = 0;
  constructor(
    private readonly app: AppCredentials,
    private readonly origin: string,
    private readonly now: () => Date,
  ) {}
  apps() {
    return Promise.resolve({ tiktok: this.app.clientId });
  }
  exchangeCode(platform: 'tiktok', grant: CodeGrant) {
    this.calls += 1;
    return CONFIDENTIAL_EXCHANGES[platform].exchangeCode(
      this.app,
      grant,
      defaultExchangeTarget(platform, this.origin, this.now()),
    );
  }
  refresh(platform: 'tiktok', token: TokenSet) {
    this.calls += 1;
    return CONFIDENTIAL_EXCHANGES[platform].refresh(
      this.app,
      token,
      defaultExchangeTarget(platform, this.origin, this.now()),
    );
  }
  revoke(platform: 'tiktok', token: TokenSet) {
    this.calls += 1;
    return CONFIDENTIAL_EXCHANGES[platform].revoke(
      this.app,
      token,
      defaultExchangeTarget(platform, this.origin, this.now()),
    );
  }
}

describe("TikTok's sign-in (Login Kit for Desktop)", () => {
  let t: TestCore;
  let peer: FormTokenPeer;

  beforeEach(async () => {
    t = await createTestCore();
  });

  afterEach(async () => {
    await t.dispose();
    await peer.close();
  });

  it('writes client_key, comma-separated scopes and a hex S256 challenge, then exchanges with the own app', async () => {
    peer = await startTikTokOAuthPeer({ ...OWN, now: () => t.clock.now() });
    const registry = t.core.domains.accounts.registry;
    registry.register('tiktok', tiktokConnector);
    registry.setBaseUrl('tiktok', peer.origin);
    await invokeOk(t.core, 'accounts:save-own-app', { platform: 'tiktok', ...OWN });

    const start = await invokeOk(t.core, 'accounts:start-connect', { platform: 'tiktok' });
    const url = new URL(start.authorizeUrl);
    expect(url.pathname).toBe('/v2/auth/authorize/');
    expect(url.searchParams.get('client_key')).toBe(OWN.clientId);
    expect(url.searchParams.has('client_id')).toBe(false);
    expect(url.searchParams.get('scope')).toBe(TIKTOK_AUTH.scopes.join(','));
    expect(url.searchParams.get('code_challenge')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');

    await signInThroughBrowser(start.authorizeUrl);
    const status = await invokeOk(t.core, 'accounts:get-connect-status', { flowId: start.flowId });
    expect(status.state).toBe('connected');
    const tokenCall = peer.requests.find((r) => r.path === '/v2/oauth/token/');
    const field = (name: string) =>
      tokenCall?.body.kind === 'form' ? tokenCall.body.fields.get(name)?.[0] : undefined;
    expect(field('client_key')).toBe(OWN.clientId);
    expect(field('client_secret')).toBe(OWN.clientSecret);
    expect(s256Hex(field('code_verifier') ?? '')).toBe(url.searchParams.get('code_challenge'));

    const [account] = await invokeOk(t.core, 'accounts:list-accounts', {});
    expect(account).toMatchObject({ platform: 'tiktok', status: 'valid', refreshesAutomatically: true });
    const stored = JSON.parse((await t.core.ports.secrets.get(`account:${account?.id}:token`)) ?? '{}') as TokenSet;
    expect(stored.extra).toMatchObject({ openId: TIKTOK_OPEN_ID, signIn: 'own-app' });
    expect(stored.scopes).toEqual(TIKTOK_AUTH.scopes);

    // 24-hour access token: the sweep renews it with the refresh grant; TikTok's new refresh token replaces the old.
    t.clock.advance(24 * HOUR - 5 * 60_000);
    expect(await t.core.domains.accounts.tokens.refreshDue()).toEqual({ refreshed: 1, failed: 0 });
    const renewed = JSON.parse((await t.core.ports.secrets.get(`account:${account?.id}:token`)) ?? '{}') as TokenSet;
    expect(renewed.refreshToken).not.toBe(stored.refreshToken);
    expect(peer.book.live(renewed.refreshToken, ['refresh'])).not.toBeNull();
    expect(renewed.extra).toMatchObject({ openId: TIKTOK_OPEN_ID, signIn: 'own-app' });
  });

  it("goes through Cadence's app on the sync broker when the creator has no own app, and renews through it too", async () => {
    peer = await startTikTokOAuthPeer({ ...CADENCE, now: () => t.clock.now() });
    const deps = domainDepsOf(t);
    const registry = new ConnectorRegistry({
      factories: { tiktok: tiktokConnector },
      baseUrls: { tiktok: peer.origin },
    });
    const broker = new InProcessBroker(CADENCE, peer.origin, () => t.clock.now());
    const service = new AccountsService(deps, registry, broker);
    try {
      const options = await service.listSignInOptions();
      expect(options.find((o) => o.platform === 'tiktok')).toMatchObject({ via: 'cadence-sync' });
      const start = await service.startConnect('tiktok', null);
      expect(new URL(start.authorizeUrl).searchParams.get('client_key')).toBe(CADENCE.clientId);
      await signInThroughBrowser(start.authorizeUrl);
      const status = service.connectStatus(start.flowId);
      if (status.state !== 'connected') throw new Error(JSON.stringify(status));
      expect(broker.calls).toBe(1);
      const stored = await service.store.get(status.accountId);
      expect(stored?.extra).toMatchObject({ signIn: 'cadence-sync', openId: TIKTOK_OPEN_ID });

      // An own app saved later does not take over an account connected through sync.
      await service.saveOwnApp('tiktok', OWN.clientId, OWN.clientSecret);
      t.clock.advance(24 * HOUR - 5 * 60_000);
      expect(await service.tokens.refreshDue()).toEqual({ refreshed: 1, failed: 0 });
      expect(broker.calls).toBe(2);
      expect((await service.store.get(status.accountId))?.extra).toMatchObject({ signIn: 'cadence-sync' });
    } finally {
      service.close();
    }
  });
});
