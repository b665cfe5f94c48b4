import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokerAppsSchema, brokerTokenResponseSchema } from '../../shared/sync-api/oauth';
import { serverErrorBodySchema } from '../../shared/sync-api/errors';
import { metaServiceDown, startMetaTokenPeer, type MetaTokenPeer } from '../../../test/peers/token-endpoints/meta';
import {
  addTestDevice,
  createTestUser,
  startTestSyncServer,
  type TestSyncServer,
  type TestUser,
} from '../../../test/support/sync-server';
import {
  codeFromMetaPeer,
  everythingStored,
  FACEBOOK_APP,
  FACEBOOK_SCOPES,
  INSTAGRAM_APP,
  INSTAGRAM_SCOPES,
  REDIRECT_URI,
} from './oauth.test-support';

/**
 * The sign-in broker's routes on a real sync service (PostgreSQL, HTTP) in front of Meta's token
 * endpoints played by the token peers: the secret stays on the server, the tokens only pass through.
 */

const DAY_MS = 24 * 3_600_000;

let server: TestSyncServer;
let facebook: MetaTokenPeer;
let instagram: MetaTokenPeer;
let user: TestUser;
const peerClock = { offsetMs: 0 };
const peerNow = () => new Date(Date.now() + peerClock.offsetMs);

beforeAll(async () => {
  facebook = await startMetaTokenPeer({ platform: 'facebook', ...FACEBOOK_APP, now: peerNow });
  instagram = await startMetaTokenPeer({ platform: 'instagram', ...INSTAGRAM_APP, now: peerNow });
  server = await startTestSyncServer({
    OAUTH_FACEBOOK_CLIENT_ID: FACEBOOK_APP.clientId,
    OAUTH_FACEBOOK_CLIENT_SECRET: FACEBOOK_APP.clientSecret,
    OAUTH_FACEBOOK_BASE_URL: facebook.origin,
    OAUTH_INSTAGRAM_CLIENT_ID: INSTAGRAM_APP.clientId,
    OAUTH_INSTAGRAM_CLIENT_SECRET: INSTAGRAM_APP.clientSecret,
    OAUTH_INSTAGRAM_BASE_URL: instagram.origin,
  });
  user = await createTestUser(server);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await facebook?.close();
  await instagram?.close();
});

async function post(path: string, body: unknown, who: TestUser | null = user) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(who ? { authorization: `Bearer ${who.accessToken}` } : {}) },
    body: JSON.stringify(body),
  });
  return { response, json: (await response.json()) as unknown };
}

function errorOf(json: unknown) {
  return serverErrorBodySchema.parse(json).error;
}

const facebookCode = () =>
  codeFromMetaPeer(facebook.origin, '/v21.0/dialog/oauth', FACEBOOK_APP.clientId, FACEBOOK_SCOPES);
const codeGrant = (grant: { code: string; redirectUri: string; codeVerifier: string }) => ({
  type: 'authorization_code',
  ...grant,
});

describe('GET /v1/oauth/apps', () => {
  it('lists the platforms this server signs in for, with client ids and no secret', async () => {
    const response = await fetch(`${server.url}/v1/oauth/apps`, { headers: user.headers });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(brokerAppsSchema.parse(JSON.parse(text))).toEqual({
      apps: [
        { platform: 'facebook', clientId: FACEBOOK_APP.clientId },
        { platform: 'instagram', clientId: INSTAGRAM_APP.clientId },
      ],
    });
    expect(text).not.toContain(FACEBOOK_APP.clientSecret);
    expect(text).not.toContain(INSTAGRAM_APP.clientSecret);
  });

  it('needs a signed-in device', async () => {
    const response = await fetch(`${server.url}/v1/oauth/apps`);
    expect(response.status).toBe(401);
    expect(errorOf(await response.json()).code).toBe('unauthenticated');
  });
});

describe('POST /v1/oauth/token', () => {
  it('exchanges a Facebook code for a long-lived token with the app secret, and keeps nothing', async () => {
    const grant = await facebookCode();
    const before = Date.now();
    const { response, json } = await post('/v1/oauth/token', { platform: 'facebook', grant: codeGrant(grant) });
    expect(response.status, JSON.stringify(json)).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { token } = brokerTokenResponseSchema.parse(json);

    // The short token went into Meta's long-lived exchange; what came back is the ~60-day one.
    expect(facebook.book.live(token.accessToken, ['long'])).not.toBeNull();
    const days = (Date.parse(token.expiresAt ?? '') - before) / DAY_MS;
    expect(days).toBeGreaterThan(59);
    expect(days).toBeLessThan(61);
    const me = await fetch(`${facebook.origin}/v21.0/me`, {
      headers: { authorization: `Bearer ${token.accessToken}` },
    });
    expect(me.status).toBe(200);

    // Both calls carried Cadence's secret, which only the server knows.
    const calls = facebook.requests.filter((r) => r.path === '/v21.0/oauth/access_token');
    expect(calls.map((r) => r.query.get('client_secret'))).toEqual([
      FACEBOOK_APP.clientSecret,
      FACEBOOK_APP.clientSecret,
    ]);
    expect(calls[0]?.query.get('code_verifier')).toBe(grant.codeVerifier);
    expect(calls[0]?.query.get('redirect_uri')).toBe(REDIRECT_URI);

    const stored = await everythingStored(server.database.db);
    for (const value of facebook.book.issuedValues()) expect(stored).not.toContain(value);
    expect(stored).not.toContain(grant.code);
  });

  it('answers 400 invalid_grant when Facebook refuses the code (used twice, or another redirect)', async () => {
    const grant = await facebookCode();
    const first = await post('/v1/oauth/token', { platform: 'facebook', grant: codeGrant(grant) });
    expect(first.response.status).toBe(200);

    const again = await post('/v1/oauth/token', { platform: 'facebook', grant: codeGrant(grant) });
    expect(again.response.status).toBe(400);
    const error = errorOf(again.json);
    expect(error.code).toBe('invalid_grant');
    expect(error.details).toMatchObject({ platform: 'facebook', oauthError: 'invalid_grant' });
    expect(error.message).toMatch(/used/);
    expect(error.message).toMatch(/Connect the account again/);

    const other = await facebookCode();
    const moved = await post('/v1/oauth/token', {
      platform: 'facebook',
      grant: codeGrant({ ...other, redirectUri: 'http://127.0.0.1:1/elsewhere' }),
    });
    expect(moved.response.status).toBe(400);
    expect(errorOf(moved.json).code).toBe('invalid_grant');
  });

  it('answers 502 upstream_failed when Facebook is down, and the code still works afterwards', async () => {
    const grant = await facebookCode();
    facebook.inject({ ...metaServiceDown, path: /\/oauth\/access_token$/ });
    const down = await post('/v1/oauth/token', { platform: 'facebook', grant: codeGrant(grant) });
    expect(down.response.status).toBe(502);
    const error = errorOf(down.json);
    expect(error.code).toBe('upstream_failed');
    expect(error.message).toMatch(/try again/);

    const retried = await post('/v1/oauth/token', { platform: 'facebook', grant: codeGrant(grant) });
    expect(retried.response.status).toBe(200);
  });

  it('says Facebook tokens cannot be renewed: 400 invalid_grant, sign in again', async () => {
    const { response, json } = await post('/v1/oauth/token', {
      platform: 'facebook',
      grant: { type: 'refresh', token: { accessToken: 'long-anything' } },
    });
    expect(response.status).toBe(400);
    const error = errorOf(json);
    expect(error.code).toBe('invalid_grant');
    expect(error.details).toMatchObject({ oauthError: 'no_refresh' });
  });

  it('exchanges an Instagram code (form post, long-lived exchange) and renews the token a day later', async () => {
    const grant = await codeFromMetaPeer(
      instagram.origin,
      '/oauth/authorize',
      INSTAGRAM_APP.clientId,
      INSTAGRAM_SCOPES,
    );
    const exchanged = await post('/v1/oauth/token', { platform: 'instagram', grant: codeGrant(grant) });
    expect(exchanged.response.status, JSON.stringify(exchanged.json)).toBe(200);
    const { token } = brokerTokenResponseSchema.parse(exchanged.json);
    expect(instagram.book.live(token.accessToken, ['long'])).not.toBeNull();

    peerClock.offsetMs = DAY_MS + 60_000;
    try {
      const renewed = await post('/v1/oauth/token', { platform: 'instagram', grant: { type: 'refresh', token } });
      expect(renewed.response.status, JSON.stringify(renewed.json)).toBe(200);
      const next = brokerTokenResponseSchema.parse(renewed.json).token;
      expect(next.accessToken).not.toBe(token.accessToken);
      expect(instagram.book.live(next.accessToken, ['long'])).not.toBeNull();
    } finally {
      peerClock.offsetMs = 0;
    }
  });

  it('answers 404 not_found for a platform this server holds no app for', async () => {
    const grant = { code: 'c', redirectUri: REDIRECT_URI, codeVerifier: 'v'.repeat(43) };
    const { response, json } = await post('/v1/oauth/token', { platform: 'tiktok', grant: codeGrant(grant) });
    expect(response.status).toBe(404);
    const error = errorOf(json);
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/own TikTok app/);
  });

  it('refuses a malformed request with 400 invalid_input before calling the platform', async () => {
    const calls = facebook.requests.length;
    const short = await post('/v1/oauth/token', {
      platform: 'facebook',
      grant: { type: 'authorization_code', code: 'c', redirectUri: REDIRECT_URI, codeVerifier: 'too-short' },
    });
    expect(short.response.status).toBe(400);
    expect(errorOf(short.json).code).toBe('invalid_input');
    const extra = await post('/v1/oauth/token', {
      platform: 'facebook',
      grant: { type: 'authorization_code', code: 'c', redirectUri: REDIRECT_URI, codeVerifier: 'v'.repeat(43) },
      clientSecret: 'mine',
    });
    expect(extra.response.status).toBe(400);
    const unknown = await post('/v1/oauth/token', {
      platform: 'x',
      grant: { type: 'refresh', token: { accessToken: 'a' } },
    });
    expect(unknown.response.status).toBe(400);
    expect(facebook.requests.length).toBe(calls);
  });

  it('answers 401 when signed out and when the device was revoked', async () => {
    const grant = await facebookCode();
    const body = { platform: 'facebook', grant: codeGrant(grant) };
    const signedOut = await post('/v1/oauth/token', body, null);
    expect(signedOut.response.status).toBe(401);
    expect(errorOf(signedOut.json).code).toBe('unauthenticated');

    const laptop = await createTestUser(server);
    const phone = await addTestDevice(server, { userId: laptop.userId, email: laptop.email, deviceName: 'Phone' });
    const revoke = await fetch(`${server.url}/v1/devices/${phone.deviceId}/revoke`, {
      method: 'POST',
      headers: laptop.headers,
      body: '{}',
    });
    expect(revoke.status).toBe(204);
    const revoked = await post('/v1/oauth/token', body, phone);
    expect(revoked.response.status).toBe(401);
    expect(errorOf(revoked.json).code).toBe('device_revoked');
    const apps = await fetch(`${server.url}/v1/oauth/apps`, { headers: phone.headers });
    expect(apps.status).toBe(401);

    // The code was never sent to Facebook, so a signed-in device can still use it.
    const ok = await post('/v1/oauth/token', body, laptop);
    expect(ok.response.status).toBe(200);
  });

  it('limits token calls per user, not per address', async () => {
    const busy = await createTestUser(server);
    const other = await createTestUser(server);
    const body = { platform: 'tiktok', grant: { type: 'refresh', token: { accessToken: 'a' } } };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) statuses.push((await post('/v1/oauth/token', body, busy)).response.status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
    const limited = await post('/v1/oauth/token', body, busy);
    expect(errorOf(limited.json).code).toBe('rate_limited');
    // Same address, another account: its own allowance.
    expect((await post('/v1/oauth/token', body, other)).response.status).toBe(404);
  });

  it('counts broker calls by platform, grant and outcome', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const count = (labels: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`cadence_oauth_broker_calls_total{${labels}}`));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    expect(count('platform="facebook",grant="code",outcome="ok"')).toBeGreaterThanOrEqual(3);
    expect(count('platform="facebook",grant="code",outcome="invalid_grant"')).toBeGreaterThanOrEqual(2);
    expect(count('platform="facebook",grant="code",outcome="upstream_failed"')).toBeGreaterThanOrEqual(1);
    expect(count('platform="facebook",grant="refresh",outcome="invalid_grant"')).toBe(1);
    expect(count('platform="tiktok",grant="refresh",outcome="not_configured"')).toBeGreaterThanOrEqual(30);
    expect(text).not.toContain(FACEBOOK_APP.clientSecret);
  });
});
