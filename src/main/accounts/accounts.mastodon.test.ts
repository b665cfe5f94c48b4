import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OAuthPeer, startOAuthPeer } from '../../../test/peers/oauth/server';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { invokeError, invokeOk } from '../../../test/support/invoke';
import { MASTODON_AUTH, peerConnector, signInThroughBrowser } from './accounts.test-support';

describe('Mastodon: an app per instance, then the same PKCE flow against the instance', () => {
  let t: TestCore;
  let one: OAuthPeer;
  let two: OAuthPeer;

  beforeEach(async () => {
    t = await createTestCore();
    one = await startOAuthPeer({
      now: () => t.clock.now(),
      identity: { id: '7', username: 'ada', displayName: 'Ada' },
    });
    two = await startOAuthPeer({
      now: () => t.clock.now(),
      identity: { id: '9', username: 'ada', displayName: 'Ada B' },
    });
    t.core.domains.accounts.registry.register('mastodon', () => peerConnector('mastodon', MASTODON_AUTH));
  });

  afterEach(async () => {
    await t.dispose();
    await one.close();
    await two.close();
  });

  it('registers once per instance, caches the app in the secrets port, and connects', async () => {
    const first = await invokeOk(t.core, 'accounts:start-connect', {
      platform: 'mastodon',
      instanceUrl: `${one.url}/`,
    });
    expect(one.appsRegistered).toBe(1);
    const authorize = new URL(first.authorizeUrl);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${one.url}/oauth/authorize`);
    expect(authorize.searchParams.get('scope')).toBe('read write:statuses write:media');
    const browser = await signInThroughBrowser(first.authorizeUrl);
    expect(browser.status).toBe(200);

    // A second connect to the same instance reuses the app; another instance gets its own.
    await invokeOk(t.core, 'accounts:start-connect', { platform: 'mastodon', instanceUrl: one.url });
    expect(one.appsRegistered).toBe(1);
    const other = await invokeOk(t.core, 'accounts:start-connect', { platform: 'mastodon', instanceUrl: two.url });
    expect(two.appsRegistered).toBe(1);
    await signInThroughBrowser(other.authorizeUrl);

    const keys = await t.core.ports.secrets.keys();
    expect(keys.filter((k) => k.startsWith('mastodon-app:')).sort()).toEqual(
      [`mastodon-app:${one.url}`, `mastodon-app:${two.url}`].sort(),
    );
    const accounts = await invokeOk(t.core, 'accounts:list-accounts', {});
    expect(accounts.map((a) => [a.handle, a.instanceUrl, a.status]).sort()).toEqual(
      [
        [`ada@${new URL(one.url).host}`, one.url, 'valid'],
        [`ada@${new URL(two.url).host}`, two.url, 'valid'],
      ].sort(),
    );
    // The token endpoint was called with the app's secret (a confidential client).
    expect(one.log.filter((r) => r.path === '/oauth/token')).toHaveLength(1);
  });

  it('refreshes against the instance with the cached app', async () => {
    const start = await invokeOk(t.core, 'accounts:start-connect', { platform: 'mastodon', instanceUrl: one.url });
    await signInThroughBrowser(start.authorizeUrl);
    t.clock.advance(115 * 60_000);
    expect(await t.core.domains.accounts.tokens.refreshDue()).toEqual({ refreshed: 1, failed: 0 });
    expect(one.log.filter((r) => r.grantType === 'refresh_token')).toHaveLength(1);
  });

  it('says plainly when the address is not a Mastodon server', async () => {
    one.failNext('/api/v1/apps', { status: 404, body: 'nope' });
    expect(
      await invokeError(t.core, 'accounts:start-connect', { platform: 'mastodon', instanceUrl: one.url }),
    ).toMatchObject({
      code: 'UNAVAILABLE',
      message: `${one.url} did not register Cadence as an app (HTTP 404); is it a Mastodon server?`,
    });
    expect(await t.core.ports.secrets.keys()).toEqual([]);
  });
});
