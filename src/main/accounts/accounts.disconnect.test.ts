import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTikTokOAuthPeer, TIKTOK_OAUTH_DIALECT, TIKTOK_OPEN_ID } from '../../../test/peers/tiktok/oauth';
import type { FormTokenPeer } from '../../../test/peers/token-endpoints/form-token-peer';
import { invokeOk } from '../../../test/support/invoke';
import { startTestSyncServer, type TestSyncServer } from '../../../test/support/sync-server';
import { createTestCore, domainDepsOf, type TestCore } from '../../../test/support/test-core';
import type { TokenSet } from '../publishing/providers/connector';
import { ConnectorRegistry } from '../publishing/providers/registry';
import { createTikTokConnector } from '../publishing/providers/tiktok/tiktok.connector';
import { createTestDevice, type TestDevice } from '../sync/account/cloud-session.test-support';
import { AccountsService } from './accounts.service';
import { peerConnector, signInThroughBrowser } from './accounts.test-support';
import { CloudTokenBroker } from './cloud-token-broker';

/**
 * Disconnect withdraws the grant at the platform through the client the account was connected with:
 * the creator's own TikTok app (client_key + secret from the keychain), or Cadence's app on the sync
 * service. When neither is there any more the token is still deleted, and the account says so plainly.
 */

const TIKTOK = createTikTokConnector().auth;
if (TIKTOK.kind !== 'oauth2-pkce') throw new Error('TikTok signs in with OAuth');
const TIKTOK_AUTH = TIKTOK;
const OWN = { clientId: 'awx1creator0own', clientSecret: 'tiktok-own-secret-55' };
const CADENCE = { clientId: 'aw0cadence0app', clientSecret: 'cadence-tiktok-secret-99' };

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

const userInfo = (peer: FormTokenPeer, accessToken: string) =>
  fetch(`${peer.origin}${TIKTOK_OAUTH_DIALECT.me.path}`, { headers: { authorization: `Bearer ${accessToken}` } });
const revokeCalls = (peer: FormTokenPeer) => peer.requests.filter((r) => r.path === TIKTOK_OAUTH_DIALECT.revoke.path);
const formOf = (peer: FormTokenPeer) => {
  const call = revokeCalls(peer)[0];
  return call?.body.kind === 'form' ? Object.fromEntries([...call.body.fields].map(([k, v]) => [k, v[0]])) : {};
};

describe('disconnecting a TikTok account connected with the creator’s own app', () => {
  let t: TestCore;
  let peer: FormTokenPeer;

  beforeEach(async () => {
    t = await createTestCore();
    peer = await startTikTokOAuthPeer({ ...OWN, now: () => t.clock.now() });
    const registry = t.core.domains.accounts.registry;
    registry.register('tiktok', tiktokConnector);
    registry.setBaseUrl('tiktok', peer.origin);
    await invokeOk(t.core, 'accounts:save-own-app', { platform: 'tiktok', ...OWN });
  });
  afterEach(async () => {
    await t.dispose();
    await peer.close();
  });

  async function connect(): Promise<{ id: string; token: TokenSet }> {
    const start = await invokeOk(t.core, 'accounts:start-connect', { platform: 'tiktok' });
    await signInThroughBrowser(start.authorizeUrl);
    const [account] = await invokeOk(t.core, 'accounts:list-accounts', {});
    if (!account) throw new Error('not connected');
    const token = JSON.parse((await t.core.ports.secrets.get(`account:${account.id}:token`)) ?? '{}') as TokenSet;
    expect(token.extra).toMatchObject({ signIn: 'own-app', openId: TIKTOK_OPEN_ID });
    return { id: account.id, token };
  }

  it('revokes at TikTok with client_key + client_secret: the token is dead there, and gone here', async () => {
    const { id, token } = await connect();
    expect((await userInfo(peer, token.accessToken)).status).toBe(200);

    const gone = await invokeOk(t.core, 'accounts:disconnect', { accountId: id });

    expect(formOf(peer)).toEqual({
      client_key: OWN.clientId,
      client_secret: OWN.clientSecret,
      token: token.accessToken,
    });
    expect((await userInfo(peer, token.accessToken)).status).toBe(401);
    expect(peer.book.live(token.refreshToken, ['refresh'])).toBeNull();
    expect(await t.core.ports.secrets.get(`account:${id}:token`)).toBeNull();
    expect(gone).toMatchObject({ id, source: 'disconnected', status: null });
    expect(gone.statusDetail).toBe(
      "Disconnected: TikTok withdrew Cadence's access and the token was deleted; history is kept.",
    );
  });

  it('says plainly that access could not be withdrawn, and where to remove it, once the own app is gone', async () => {
    const { id, token } = await connect();
    await invokeOk(t.core, 'accounts:remove-own-app', { platform: 'tiktok' });

    const gone = await invokeOk(t.core, 'accounts:disconnect', { accountId: id });

    expect(revokeCalls(peer)).toEqual([]);
    expect(await t.core.ports.secrets.get(`account:${id}:token`)).toBeNull();
    expect(gone.statusDetail).toBe(
      'Disconnected: the token was deleted from this computer, but Cadence could not withdraw its access at TikTok ' +
        '(the TikTok app it was connected with is no longer in Cadence). Remove Cadence there by hand: ' +
        'TikTok → Settings and privacy → Security and permissions → Apps and services permissions. History is kept.',
    );
    // Nothing was withdrawn: the grant still works at TikTok until the creator removes it there.
    expect((await userInfo(peer, token.accessToken)).status).toBe(200);
  });

  it('a TikTok failure leaves the token deleted here and the reason in the sentence', async () => {
    const { id } = await connect();
    peer.inject({ kind: 'error', status: 503, body: { error: 'server_error' }, path: /\/v2\/oauth\/revoke\// });
    const gone = await invokeOk(t.core, 'accounts:disconnect', { accountId: id });
    expect(await t.core.ports.secrets.get(`account:${id}:token`)).toBeNull();
    expect(gone.statusDetail).toMatch(/could not withdraw its access at TikTok \(TikTok failed for now/);
    expect(gone.statusDetail).not.toContain(OWN.clientSecret);
  });
});

describe('disconnecting a TikTok account connected through Cadence sync', () => {
  let server: TestSyncServer;
  let peer: FormTokenPeer;
  let t: TestCore;
  let laptop: TestDevice;
  let counter = 0;
  const brokerCalls: string[] = [];

  beforeAll(async () => {
    peer = await startTikTokOAuthPeer({ ...CADENCE, now: () => new Date() });
    server = await startTestSyncServer({
      OAUTH_TIKTOK_CLIENT_ID: CADENCE.clientId,
      OAUTH_TIKTOK_CLIENT_SECRET: CADENCE.clientSecret,
      OAUTH_TIKTOK_BASE_URL: peer.origin,
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await peer?.close();
  });
  beforeEach(async () => {
    t = await createTestCore();
    laptop = await createTestDevice('Ada’s laptop');
    counter += 1;
    await laptop.session.signUp({
      serverUrl: server.url,
      email: `disconnect-${counter}-${Date.now()}@example.test`,
      password: 'correct horse battery staple',
    });
  });
  afterEach(async () => {
    await laptop.dispose();
    await t.dispose();
  });

  /** The accounts domain with the real CloudTokenBroker over the laptop's sync session, and no own app. */
  function accounts(): AccountsService {
    const deps = domainDepsOf(t);
    const registry = new ConnectorRegistry({
      factories: { tiktok: tiktokConnector },
      baseUrls: { tiktok: peer.origin },
    });
    const brokerFetch: typeof fetch = (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      brokerCalls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
      return fetch(input, init);
    };
    return new AccountsService(deps, registry, new CloudTokenBroker({ session: laptop.session, fetch: brokerFetch }));
  }

  async function connect(service: AccountsService): Promise<{ id: string; token: TokenSet }> {
    const start = await service.startConnect('tiktok', null);
    expect(new URL(start.authorizeUrl).searchParams.get('client_key')).toBe(CADENCE.clientId);
    await signInThroughBrowser(start.authorizeUrl);
    const status = service.connectStatus(start.flowId);
    if (status.state !== 'connected') throw new Error(JSON.stringify(status));
    const token = await service.store.get(status.accountId);
    if (!token) throw new Error('no token stored');
    expect(token.extra).toMatchObject({ signIn: 'cadence-sync' });
    return { id: status.accountId, token };
  }

  it("revokes through the sync service with Cadence's app: the token is dead at TikTok", async () => {
    const service = accounts();
    try {
      const { id, token } = await connect(service);
      expect((await userInfo(peer, token.accessToken)).status).toBe(200);
      const before = brokerCalls.length;

      const gone = await service.disconnect(id);

      expect(brokerCalls.slice(before)).toEqual(['POST /v1/oauth/revoke']);
      expect((await userInfo(peer, token.accessToken)).status).toBe(401);
      expect(await service.store.get(id)).toBeNull();
      expect(gone.statusDetail).toBe(
        "Disconnected: TikTok withdrew Cadence's access and the token was deleted; history is kept.",
      );
    } finally {
      service.close();
    }
  });

  it('signed out of sync: the token is deleted here and the sentence says why and where to remove it', async () => {
    const service = accounts();
    try {
      const { id, token } = await connect(service);
      await laptop.session.signOut();

      const gone = await service.disconnect(id);

      expect(await service.store.get(id)).toBeNull();
      expect(gone.statusDetail).toBe(
        'Disconnected: the token was deleted from this computer, but Cadence could not withdraw its access at TikTok ' +
          '(Cadence sync is signed out, so it could not ask TikTok to withdraw access). Remove Cadence there by hand: ' +
          'TikTok → Settings and privacy → Security and permissions → Apps and services permissions. History is kept.',
      );
      expect((await userInfo(peer, token.accessToken)).status).toBe(200);
    } finally {
      service.close();
    }
  });
});
