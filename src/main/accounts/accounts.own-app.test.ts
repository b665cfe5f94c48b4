import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MetaTokenPeer, startMetaTokenPeer } from '../../../test/peers/token-endpoints/meta';
import { invokeError, invokeOk } from '../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { createInstagramConnector } from '../publishing/providers/instagram/instagram.connector';
import { peerConnector, signInThroughBrowser } from './accounts.test-support';

const INSTAGRAM = createInstagramConnector().auth;
if (INSTAGRAM.kind !== 'oauth2-pkce') throw new Error('Instagram signs in with OAuth');
const INSTAGRAM_AUTH = INSTAGRAM;
const APP = { clientId: '990602627938098', clientSecret: 'own-app-secret-7f3a9c' };
const DAY = 24 * 3_600_000;

describe("connecting Instagram through the creator's own app (confidential client)", () => {
  let t: TestCore;
  let peer: MetaTokenPeer;

  beforeEach(async () => {
    t = await createTestCore();
    peer = await startMetaTokenPeer({ platform: 'instagram', ...APP, now: () => t.clock.now() });
    const registry = t.core.domains.accounts.registry;
    registry.register('instagram', () => peerConnector('instagram', INSTAGRAM_AUTH));
    registry.setBaseUrl('instagram', peer.origin);
  });

  afterEach(async () => {
    await t.dispose();
    await peer.close();
  });

  async function connect(): Promise<string> {
    await invokeOk(t.core, 'accounts:save-own-app', { platform: 'instagram', ...APP });
    const start = await invokeOk(t.core, 'accounts:start-connect', { platform: 'instagram' });
    const authorize = new URL(start.authorizeUrl);
    expect(authorize.pathname).toBe('/oauth/authorize');
    expect(authorize.searchParams.get('client_id')).toBe(APP.clientId);
    // Meta's dialogs take comma-separated scopes.
    expect(authorize.searchParams.get('scope')).toBe(INSTAGRAM_AUTH.scopes.join(','));
    const browser = await signInThroughBrowser(start.authorizeUrl);
    expect(browser.page).toContain('You can close this tab');
    const status = await invokeOk(t.core, 'accounts:get-connect-status', { flowId: start.flowId });
    if (status.state !== 'connected') throw new Error(`not connected: ${JSON.stringify(status)}`);
    return status.accountId;
  }

  it('signs in: code → short token with the secret → long-lived token → connected; the secret stays out of SQLite', async () => {
    const id = await connect();
    const [account] = await invokeOk(t.core, 'accounts:list-accounts', {});
    expect(account).toMatchObject({
      id,
      platform: 'instagram',
      handle: 'ada.makes',
      status: 'valid',
      refreshesAutomatically: true,
      expiresAt: new Date(t.clock.now().getTime() + 5_183_944_000).toISOString(),
    });
    const stored = JSON.parse((await t.core.ports.secrets.get(`account:${id}:token`)) ?? '{}') as {
      accessToken: string;
      extra: Record<string, string>;
    };
    expect(peer.book.tokens.get(stored.accessToken)?.kind).toBe('long');
    expect(stored.extra).toMatchObject({ signIn: 'own-app', renewal: 'access-token' });

    // The secret went to the token call in the form body, and nowhere on disk but the secrets port.
    const codeCall = peer.requests.find((r) => r.method === 'POST' && r.path === '/oauth/access_token');
    expect(codeCall?.body.kind === 'form' && codeCall.body.fields.get('client_secret')?.[0]).toBe(APP.clientSecret);
    for (const file of readdirSync(t.dataDir, { recursive: true, encoding: 'utf8' })) {
      const path = join(t.dataDir, file);
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        continue; // a folder
      }
      expect(bytes.includes(APP.clientSecret), `${file} holds the app secret`).toBe(false);
      for (const token of peer.book.issuedValues()) expect(bytes.includes(token), `${file} holds a token`).toBe(false);
    }
    expect(await invokeOk(t.core, 'accounts:list-own-apps', {})).toEqual([
      { platform: 'instagram', clientId: APP.clientId, savedAt: '2026-11-25T10:00:00.000Z' },
    ]);
  });

  it('the refresh sweep renews the long-lived Instagram token with ig_refresh_token, days before it ends', async () => {
    const id = await connect();
    const before = JSON.parse((await t.core.ports.secrets.get(`account:${id}:token`)) ?? '{}') as {
      accessToken: string;
    };
    const tokens = t.core.domains.accounts.tokens;
    t.clock.advance(50 * DAY);
    expect(await tokens.refreshDue()).toEqual({ refreshed: 0, failed: 0 });
    t.clock.advance(8 * DAY); // about 2 days left: inside the renewal window
    expect(await tokens.refreshDue()).toEqual({ refreshed: 1, failed: 0 });
    const after = JSON.parse((await t.core.ports.secrets.get(`account:${id}:token`)) ?? '{}') as {
      accessToken: string;
      expiresAt: string;
      extra: Record<string, string>;
    };
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.expiresAt).toBe(new Date(t.clock.now().getTime() + 5_183_944_000).toISOString());
    expect(after.extra).toMatchObject({ signIn: 'own-app', renewal: 'access-token' });
    const renewal = peer.requests.at(-1);
    expect(renewal?.path).toBe('/refresh_access_token');
    expect(renewal?.query.get('grant_type')).toBe('ig_refresh_token');
    const [account] = await invokeOk(t.core, 'accounts:list-accounts', {});
    expect(account?.status).toBe('valid');
  });

  it('a removed own app cannot renew: the account asks for a reconnect, saying why', async () => {
    const id = await connect();
    expect(await invokeOk(t.core, 'accounts:remove-own-app', { platform: 'instagram' })).toEqual({ removed: true });
    expect(await invokeOk(t.core, 'accounts:remove-own-app', { platform: 'instagram' })).toEqual({ removed: false });
    t.clock.advance(58 * DAY);
    expect(await t.core.domains.accounts.tokens.refreshDue()).toEqual({ refreshed: 0, failed: 1 });
    const [account] = await invokeOk(t.core, 'accounts:list-accounts', {});
    expect(account).toMatchObject({ id, status: 'needs_reconnect' });
    expect(account?.statusDetail).toMatch(/own Meta app was removed from Cadence/);
  });

  it('without an own app or Cadence sync, connecting says exactly what to do', async () => {
    const error = await invokeError(t.core, 'accounts:start-connect', { platform: 'instagram' });
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe(
      'Cadence cannot sign in to Instagram on its own: Instagram only hands out tokens to an app with a secret. Sign in to Cadence sync, or add your own Meta app in Accounts.',
    );
  });

  it('lists how each platform signs in, and never hands the secret back', async () => {
    const before = await invokeOk(t.core, 'accounts:list-sign-in-options', {});
    expect(before.find((o) => o.platform === 'instagram')).toMatchObject({ via: 'unavailable' });
    expect(before.find((o) => o.platform === 'bluesky')).toMatchObject({ via: 'app-password' });
    expect(before.find((o) => o.platform === 'mastodon')).toMatchObject({ via: 'instance-app' });
    expect(before.map((o) => o.platform)).toHaveLength(9);
    const saved = await invokeOk(t.core, 'accounts:save-own-app', { platform: 'instagram', ...APP });
    expect(JSON.stringify(saved)).not.toContain(APP.clientSecret);
    const after = await invokeOk(t.core, 'accounts:list-sign-in-options', {});
    expect(after.find((o) => o.platform === 'instagram')).toEqual({
      platform: 'instagram',
      via: 'own-app',
      detail: `Signs in through your own app (app id ${APP.clientId}).`,
    });
    expect(JSON.stringify(after)).not.toContain(APP.clientSecret);
  });
});
