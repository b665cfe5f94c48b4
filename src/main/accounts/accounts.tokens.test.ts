import { afterEach, describe, expect, it } from 'vitest';
import { type OAuthPeer, type OAuthPeerOptions, startOAuthPeer } from '../../../test/peers/oauth/server';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { invokeOk } from '../../../test/support/invoke';
import { ConnectorError } from '../publishing/providers/connector';
import { PKCE_AUTH, peerConnector, signInThroughBrowser } from './accounts.test-support';

const CLIENT_ID = 'cadence-test-client';
const MINUTE = 60_000;

describe('token health and refresh ahead of expiry', () => {
  let t: TestCore;
  let peer: OAuthPeer;

  afterEach(async () => {
    await t.dispose();
    await peer.close();
  });

  async function connected(options: OAuthPeerOptions = {}): Promise<string> {
    t = await createTestCore();
    peer = await startOAuthPeer({
      now: () => t.clock.now(),
      clients: [
        { clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'], scopes: ['profile', 'w_member_social'] },
      ],
      ...options,
    });
    const registry = t.core.domains.accounts.registry;
    registry.register('linkedin', () => peerConnector('linkedin', PKCE_AUTH));
    registry.setBaseUrl('linkedin', peer.url);
    registry.setClientId('linkedin', CLIENT_ID);
    const start = await invokeOk(t.core, 'accounts:start-connect', { platform: 'linkedin' });
    await signInThroughBrowser(start.authorizeUrl);
    const [account] = await invokeOk(t.core, 'accounts:list-accounts', {});
    return account?.id ?? '';
  }

  const token = async (id: string) =>
    JSON.parse((await t.core.ports.secrets.get(`account:${id}:token`)) ?? 'null') as {
      accessToken: string;
      refreshToken?: string;
      expiresAt?: string;
    };
  const tokens = () => t.core.domains.accounts.tokens;
  const health = async () => (await invokeOk(t.core, 'accounts:list-accounts', {}))[0];

  it('refreshes tokens that end within 10 minutes, keeping the refresh token when none is sent', async () => {
    const id = await connected();
    const before = await token(id);
    t.clock.advance(100 * MINUTE); // 20 min left: not yet
    expect(await tokens().refreshDue()).toEqual({ refreshed: 0, failed: 0 });
    t.clock.advance(11 * MINUTE); // 9 min left
    expect(await tokens().refreshDue()).toEqual({ refreshed: 1, failed: 0 });
    const after = await token(id);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(after.expiresAt).toBe(new Date(t.clock.now().getTime() + 2 * 3_600_000).toISOString());
    expect(await health()).toMatchObject({ status: 'valid', expiresAt: after.expiresAt });
    const context = await tokens().context(id);
    expect(context).toMatchObject({ baseUrl: peer.url, token: { accessToken: after.accessToken } });
    expect(context.account).toMatchObject({ id, handle: 'ada', externalId: '1001' });
  });

  it('replaces the refresh token when the platform rotates it', async () => {
    const id = await connected({ rotateRefreshTokens: true });
    const before = await token(id);
    t.clock.advance(115 * MINUTE);
    await tokens().refreshDue();
    const after = await token(id);
    expect(after.refreshToken).toBeDefined();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    // The new refresh token works; the old one was retired by the platform.
    t.clock.advance(115 * MINUTE);
    expect(await tokens().refreshDue()).toEqual({ refreshed: 1, failed: 0 });
  });

  it('a 5xx, a dropped connection or a non-JSON answer never marks the account needs_reconnect', async () => {
    const id = await connected();
    t.clock.advance(115 * MINUTE);
    peer.failNext('/oauth2/token', { status: 503 });
    expect(await tokens().refreshDue()).toEqual({ refreshed: 0, failed: 1 });
    let view = await health();
    expect(view?.status).toBe('valid');
    expect(view?.statusDetail).toContain('Cadence could not renew the token just now');
    expect(view?.statusDetail).toContain('still works for 5 min');

    peer.failNext('/oauth2/token', { kind: 'drop' });
    await expect(tokens().refresh(id)).rejects.toMatchObject({ kind: 'network' });
    peer.failNext('/oauth2/token', { status: 502, body: '<html>Bad gateway</html>' });
    await expect(tokens().refresh(id)).rejects.toBeInstanceOf(ConnectorError);
    view = await health();
    expect(view?.status).toBe('valid');

    // The next sweep succeeds and clears the note.
    expect(await tokens().refreshDue()).toEqual({ refreshed: 1, failed: 0 });
    view = await health();
    expect(view?.statusDetail).toBe('Expires in 2 h — Cadence refreshes it automatically.');
  });

  it('invalid_grant on refresh marks needs_reconnect with a plain reason', async () => {
    const id = await connected();
    peer.revokeRefreshTokens();
    t.clock.advance(115 * MINUTE);
    expect(await tokens().refreshDue()).toEqual({ refreshed: 0, failed: 1 });
    const view = await health();
    expect(view?.status).toBe('needs_reconnect');
    expect(view?.statusDetail).toMatch(/^LinkedIn needs you to reconnect: the token was revoked/);
    await expect(tokens().context(id)).rejects.toMatchObject({ kind: 'auth_revoked' });
    // Already marked: the sweep leaves it alone instead of hammering the platform.
    const calls = peer.log.length;
    expect(await tokens().refreshDue()).toEqual({ refreshed: 0, failed: 0 });
    expect(peer.log.length).toBe(calls);
  });

  it('the queue can mark an account needs_reconnect (401 after a refresh)', async () => {
    const id = await connected();
    await tokens().markNeedsReconnect(id, 'the platform refused the token after a refresh.');
    expect(await health()).toMatchObject({
      status: 'needs_reconnect',
      statusDetail: 'LinkedIn needs you to reconnect: the platform refused the token after a refresh.',
    });
  });

  it('says "missing scope" when the platform granted less than publishing needs', async () => {
    await connected({ grantScopes: () => ['profile'] });
    expect(await health()).toMatchObject({
      status: 'missing_scope',
      scopes: ['profile'],
      missingScopes: ['w_member_social'],
      statusDetail: 'LinkedIn did not grant w_member_social; reconnect and allow it so Cadence can post.',
    });
  });
});
