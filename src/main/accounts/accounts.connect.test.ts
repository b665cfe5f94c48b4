import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OAuthPeer, startOAuthPeer } from '../../../test/peers/oauth/server';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { invokeError, invokeOk } from '../../../test/support/invoke';
import { DATABASE_FILE } from '../core';
import { PKCE_AUTH, peerConnector, signInThroughBrowser } from './accounts.test-support';

const CLIENT_ID = 'cadence-test-client';

describe('connecting an account with OAuth 2.0 + PKCE through a loopback redirect', () => {
  let t: TestCore;
  let peer: OAuthPeer;
  const events: { event: string; payload: unknown }[] = [];

  beforeEach(async () => {
    t = await createTestCore();
    peer = await startOAuthPeer({
      now: () => t.clock.now(),
      clients: [
        { clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'], scopes: ['profile', 'w_member_social'] },
      ],
    });
    const registry = t.core.domains.accounts.registry;
    registry.register('linkedin', () => peerConnector('linkedin', PKCE_AUTH));
    registry.setBaseUrl('linkedin', peer.url);
    registry.setClientId('linkedin', CLIENT_ID);
    events.length = 0;
    t.core.events.onAny((event, payload) => events.push({ event, payload }));
  });

  afterEach(async () => {
    await t.dispose();
    await peer.close();
  });

  it('signs in, stores the token in the secrets port only, and shows the account as valid', async () => {
    const start = await invokeOk(t.core, 'accounts:start-connect', { platform: 'linkedin' });
    const authorize = new URL(start.authorizeUrl);
    expect(authorize.origin).toBe(peer.url);
    expect(authorize.pathname).toBe('/oauth2/authorize');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(await invokeOk(t.core, 'accounts:get-connect-status', { flowId: start.flowId })).toMatchObject({
      state: 'pending',
    });

    const browser = await signInThroughBrowser(start.authorizeUrl);
    expect(browser.status).toBe(200);
    expect(browser.page).toContain('You can close this tab');

    const status = await invokeOk(t.core, 'accounts:get-connect-status', { flowId: start.flowId });
    expect(status.state).toBe('connected');
    const accounts = await invokeOk(t.core, 'accounts:list-accounts', {});
    expect(accounts).toHaveLength(1);
    const [account] = accounts;
    expect(account).toMatchObject({
      platform: 'linkedin',
      handle: 'ada',
      displayName: 'Ada Lovelace',
      source: 'connected',
      status: 'valid',
      statusDetail: 'Expires in 2 h — Cadence refreshes it automatically.',
      expiresAt: '2026-11-25T12:00:00.000Z',
      scopes: ['profile', 'w_member_social'],
      requiredScopes: ['w_member_social'],
      missingScopes: [],
      refreshesAutomatically: true,
    });
    expect(status.state === 'connected' && status.accountId).toBe(account?.id);
    expect(events).toContainEqual({
      event: 'accounts:changed',
      payload: { accountId: account?.id, reason: 'connected' },
    });

    const stored = JSON.parse((await t.core.ports.secrets.get(`account:${account?.id}:token`)) ?? '{}') as Record<
      string,
      unknown
    >;
    expect(peer.issuedTokens()).toContain(stored.accessToken);
    expect(peer.issuedTokens()).toContain(stored.refreshToken);
    expect(peer.log.filter((r) => r.path === '/oauth2/token')).toHaveLength(1);

    // Refresh once too, so the scan covers old and new tokens.
    await t.core.domains.accounts.tokens.refresh(account?.id ?? '');
    t.core.database.raw.pragma('wal_checkpoint(TRUNCATE)');
    const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((f) => join(t.dataDir, f)).filter((f) => existsSync(f));
    const logText = readFileSync(t.core.ports.logFile, 'utf8');
    expect(logText).toContain('account connected');
    for (const token of peer.issuedTokens()) {
      for (const file of files) expect(readFileSync(file).includes(Buffer.from(token))).toBe(false);
      expect(logText.includes(token)).toBe(false);
    }
  });

  it('refuses a callback whose state does not match, with a clear page and a failed status', async () => {
    const start = await invokeOk(t.core, 'accounts:start-connect', { platform: 'linkedin' });
    const atPeer = await fetch(start.authorizeUrl, { redirect: 'manual' });
    const forged = new URL(atPeer.headers.get('location') ?? '');
    forged.searchParams.set('state', 'someone-elses-state');
    const back = await fetch(forged);
    expect(back.status).toBe(400);
    expect(await back.text()).toContain('state mismatch');
    const status = await invokeOk(t.core, 'accounts:get-connect-status', { flowId: start.flowId });
    expect(status).toMatchObject({ state: 'failed' });
    expect(status.state === 'failed' && status.reason).toContain('did not match the request Cadence made');
    // The code was never exchanged and no account was made.
    expect(peer.log.filter((r) => r.path === '/oauth2/token')).toHaveLength(0);
    expect(await invokeOk(t.core, 'accounts:list-accounts', {})).toEqual([]);
  });

  it('reports a declined sign-in and gives up a flow after 10 minutes', async () => {
    const declined = await invokeOk(t.core, 'accounts:start-connect', { platform: 'linkedin' });
    const redirect = new URL(declined.authorizeUrl).searchParams.get('redirect_uri') ?? '';
    const state = new URL(declined.authorizeUrl).searchParams.get('state') ?? '';
    const back = await fetch(`${redirect}?error=access_denied&state=${state}`);
    expect(back.status).toBe(400);
    expect(await invokeOk(t.core, 'accounts:get-connect-status', { flowId: declined.flowId })).toEqual({
      state: 'failed',
      platform: 'linkedin',
      reason: 'LinkedIn did not give Cadence access: you declined access.',
    });

    const idle = await invokeOk(t.core, 'accounts:start-connect', { platform: 'linkedin' });
    t.core.domains.accounts.service.expireFlow(idle.flowId);
    expect(await invokeOk(t.core, 'accounts:get-connect-status', { flowId: idle.flowId })).toMatchObject({
      state: 'failed',
      reason: 'The sign-in was not finished within 10 minutes; start connecting again.',
    });
    const late = new URL(idle.authorizeUrl).searchParams.get('redirect_uri') ?? '';
    await expect(fetch(`${late}?code=x&state=y`)).rejects.toThrow();
  });

  it('reconnect keeps the account id; disconnect revokes, deletes the token and keeps the row', async () => {
    const first = await invokeOk(t.core, 'accounts:start-connect', { platform: 'linkedin' });
    await signInThroughBrowser(first.authorizeUrl);
    const [account] = await invokeOk(t.core, 'accounts:list-accounts', {});
    const id = account?.id ?? '';
    const before = await t.core.ports.secrets.get(`account:${id}:token`);

    const again = await invokeOk(t.core, 'accounts:reconnect', { accountId: id });
    await signInThroughBrowser(again.authorizeUrl);
    expect(await invokeOk(t.core, 'accounts:get-connect-status', { flowId: again.flowId })).toEqual({
      state: 'connected',
      platform: 'linkedin',
      accountId: id,
    });
    const accounts = await invokeOk(t.core, 'accounts:list-accounts', {});
    expect(accounts.map((a) => a.id)).toEqual([id]);
    expect(await t.core.ports.secrets.get(`account:${id}:token`)).not.toBe(before);

    const gone = await invokeOk(t.core, 'accounts:disconnect', { accountId: id });
    expect(gone).toMatchObject({ id, source: 'disconnected', status: null });
    expect(gone.statusDetail).toContain("withdrew Cadence's access");
    expect(peer.log.some((r) => r.path === '/oauth2/revoke')).toBe(true);
    expect(await t.core.ports.secrets.get(`account:${id}:token`)).toBeNull();
    await expect(t.core.domains.accounts.tokens.context(id)).rejects.toMatchObject({ kind: 'auth_revoked' });
  });

  it('says plainly when a platform cannot be connected yet or has no app id', async () => {
    // TikTok needs an app secret: without an own app or Cadence sync there is nothing to sign in with.
    expect(await invokeError(t.core, 'accounts:start-connect', { platform: 'tiktok' })).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('Sign in to Cadence sync, or add your own TikTok app in Accounts.'),
    });
    t.core.domains.accounts.registry.register('youtube', () => peerConnector('youtube', PKCE_AUTH));
    expect(await invokeError(t.core, 'accounts:start-connect', { platform: 'youtube' })).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('CADENCE_OAUTH_CLIENT_ID_YOUTUBE'),
    });
    expect(await invokeError(t.core, 'accounts:get-connect-status', { flowId: 'nope' })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
