import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startXPeer, X_PEER_CLIENT_ID, type XPeer } from '../../../test/peers/x/server';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { invokeOk } from '../../../test/support/invoke';
import { signInThroughBrowser } from './accounts.test-support';

/** The real X connector (registered by default) against the connectors' X peer: sign-in, refresh, revoke. */
describe('connecting X through its peer', () => {
  let t: TestCore;
  let peer: XPeer;

  beforeEach(async () => {
    t = await createTestCore();
    peer = await startXPeer();
    t.core.domains.accounts.registry.setBaseUrl('x', peer.origin);
    t.core.domains.accounts.registry.setClientId('x', X_PEER_CLIENT_ID);
  });
  afterEach(async () => {
    await t.dispose();
    await peer.close();
  });

  it('connects with PKCE at /i/oauth2/authorize and /2/oauth2/token, refreshes, then needs a reconnect once revoked', async () => {
    const start = await invokeOk(t.core, 'accounts:start-connect', { platform: 'x' });
    expect(new URL(start.authorizeUrl).pathname).toBe('/i/oauth2/authorize');
    const browser = await signInThroughBrowser(start.authorizeUrl);
    expect(browser.status).toBe(200);
    const [account] = await invokeOk(t.core, 'accounts:list-accounts', {});
    expect(account).toMatchObject({ platform: 'x', source: 'connected', status: 'valid', missingScopes: [] });
    expect(account?.handle.replace(/^@/, '')).toBe(peer.user.username);
    const id = account?.id ?? '';

    const tokens = t.core.domains.accounts.tokens;
    await tokens.refresh(id);
    const context = await tokens.context(id);
    expect(context.baseUrl).toBe(peer.origin);
    expect((await t.core.domains.accounts.registry.connector('x')?.whoAmI(context))?.externalId).toBe(peer.user.id);

    // X rotates refresh tokens: the one Cadence holds now is the only valid one; revoke it.
    await fetch(`${peer.origin}/2/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: context.token.refreshToken ?? '', client_id: X_PEER_CLIENT_ID }),
    });
    await expect(tokens.refresh(id)).rejects.toMatchObject({ kind: 'auth_revoked' });
    expect((await invokeOk(t.core, 'accounts:list-accounts', {}))[0]?.status).toBe('needs_reconnect');
  });
});
