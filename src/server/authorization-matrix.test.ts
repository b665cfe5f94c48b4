import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { OPENAI_PEER_KEY, startOpenAiPeer } from '../../test/peers/openai/server';
import type { ChatPeer } from '../../test/peers/shared/chat-completions-peer';
import {
  addTestDevice,
  createTestUser,
  startTestSyncServer,
  type TestSyncServer,
  type TestUser,
} from '../../test/support/sync-server';
import { registeredRoutes } from './app';
import { mastodonPayload, postRelayJob, relayJobBody, relayKeyPair } from './relay/relay.test-support';

/**
 * The authorization matrix: user B, signed in, calls every route the service has, aimed at user
 * A's resources wherever a route takes an id. Nothing of A's may appear in any answer, and A's rows
 * must be exactly as before. Routes are read from the running server, so a new route without a
 * row here fails the test.
 */

const SECRET = 'A-PRIVATE-7f3c';

interface Probe {
  /** The request B makes; `a` holds A's ids. */
  request(a: Victim): { path: string; body?: unknown };
  /** What B may get back (B's own data, or a refusal). */
  expectStatus: number[];
}

interface Victim {
  user: TestUser;
  secondDevice: TestUser;
  relayJobId: string;
  relayKey: string;
}

const hlc = (millis: number, deviceId: string) => `${String(millis).padStart(15, '0')}-00000-${deviceId}`;
const blob = (text: string) => Buffer.from(text).toString('base64');

describe('authorization matrix: no user reaches another user’s data through any endpoint', () => {
  let server: TestSyncServer;
  let peer: ChatPeer;
  let a: Victim;
  let b: TestUser;
  let before: string;
  const keys = relayKeyPair();
  const exercised = new Set<string>();
  const leaks: string[] = [];

  /** Everything of A's, as one comparable snapshot of the database. */
  async function snapshotOfA(): Promise<string> {
    const db = server.database.db;
    const userId = a.user.userId;
    const rows = await Promise.all([
      db.selectFrom('users').select(['email', 'role', 'tier', 'password_hash']).where('id', '=', userId).execute(),
      db.selectFrom('devices').select(['id', 'revoked_at']).where('user_id', '=', userId).orderBy('id').execute(),
      db.selectFrom('sync_changes').select(['hlc', 'blob']).where('user_id', '=', userId).orderBy('seq').execute(),
      db.selectFrom('sync_keyrings').select(['version', 'keyring']).where('user_id', '=', userId).execute(),
      db.selectFrom('relay_jobs').select(['id', 'status']).where('user_id', '=', userId).execute(),
      db
        .selectFrom('usage_counters')
        .select(['kind', 'amount'])
        .where('user_id', '=', userId)
        .orderBy('kind')
        .execute(),
      db
        .selectFrom('refresh_families')
        .select(['id', 'revoked_at'])
        .where('user_id', '=', userId)
        .orderBy('id')
        .execute(),
    ]);
    return JSON.stringify(rows, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value));
  }

  function secretsOfA(): string[] {
    return [
      SECRET,
      blob(SECRET).slice(0, 12),
      a.user.email,
      a.user.userId,
      a.user.deviceId,
      a.secondDevice.deviceId,
      a.relayJobId,
    ];
  }

  async function call(method: string, path: string, who: TestUser | null, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${who.accessToken}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    for (const secret of secretsOfA()) {
      if (text.includes(secret)) leaks.push(`${method} ${path} returned A's ${secret}`);
    }
    return { status: response.status, text };
  }

  beforeAll(async () => {
    peer = await startOpenAiPeer();
    server = await startTestSyncServer({
      AI_UPSTREAM_URL: peer.baseURL,
      AI_UPSTREAM_KEY: OPENAI_PEER_KEY,
      AI_DEFAULT_MODEL: 'gpt-5.4-mini',
      RELAY_PRIVATE_KEY: keys.privatePem,
    });
    const userA = await createTestUser(server, { tier: 'pro', email: `victim-${Date.now()}@example.test` });
    const secondA = await addTestDevice(server, { userId: userA.userId, email: userA.email, deviceName: 'A phone' });
    b = await createTestUser(server, { tier: 'pro' });

    const push = await fetch(`${server.url}/v1/sync/push`, {
      method: 'POST',
      headers: userA.headers,
      body: JSON.stringify({
        sentAt: Date.now(),
        changes: [{ hlc: hlc(Date.now(), userA.deviceId), keyId: 'k1', blob: blob(SECRET) }],
      }),
    });
    expect(push.status).toBe(200);
    const keyring = {
      kdf: { algorithm: 'argon2id', salt: 'c2FsdHNhbHRzYWx0c2FsdA', memoryKiB: 65536, iterations: 3, parallelism: 1 },
      check: `${SECRET}-check`,
      currentKeyId: 'k1',
      keys: [{ keyId: 'k1', wrappedByPassphrase: `${SECRET}-wrapped`, wrappedByPrevious: null }],
    };
    const put = await fetch(`${server.url}/v1/sync/keyring`, {
      method: 'PUT',
      headers: userA.headers,
      body: JSON.stringify({ expectedVersion: null, keyring }),
    });
    expect(put.status).toBe(200);
    const payload = mastodonPayload({ origin: 'https://mastodon.example', accountId: '1', token: 'tok', text: SECRET });
    const jobBody = relayJobBody(keys.publicPem, userA, payload);
    const relayed = await postRelayJob(server, userA, jobBody);
    expect(relayed.status).toBeLessThan(300);
    const job = (await relayed.json()) as { id: string };
    const chat = await fetch(`${server.url}/v1/ai/chat/completions`, {
      method: 'POST',
      headers: userA.headers,
      body: JSON.stringify({
        model: 'default',
        messages: [{ role: 'user', content: SECRET }],
        max_completion_tokens: 16,
      }),
    });
    expect(chat.status).toBe(200);
    a = { user: userA, secondDevice: secondA, relayJobId: job.id, relayKey: jobBody.idempotencyKey };
    before = await snapshotOfA();
  });

  afterAll(async () => {
    await server?.close();
    await peer?.close();
  });

  /** One row per route (method and path as Fastify registered them). */
  const probes: Record<string, Probe> = {
    'POST /v1/auth/register': {
      request: (v) => ({
        path: '/v1/auth/register',
        body: { email: v.user.email, password: 'another-password-1', device: { name: 'x', platform: 'linux' } },
      }),
      expectStatus: [409, 429],
    },
    'POST /v1/auth/login': {
      request: (v) => ({
        path: '/v1/auth/login',
        body: { email: v.user.email, password: 'a-wrong-password', device: { name: 'x', platform: 'linux' } },
      }),
      expectStatus: [401, 429],
    },
    'POST /v1/auth/refresh': {
      request: (v) => ({
        path: '/v1/auth/refresh',
        body: { refreshToken: `${v.user.deviceId}.1.forged-secret-forged-secret` },
      }),
      expectStatus: [401],
    },
    'POST /v1/auth/verify-email': {
      request: () => ({ path: '/v1/auth/verify-email', body: { token: 'x'.repeat(43) } }),
      expectStatus: [400, 401],
    },
    'POST /v1/auth/resend-verification': {
      request: () => ({ path: '/v1/auth/resend-verification', body: {} }),
      expectStatus: [204, 409, 429],
    },
    'POST /v1/auth/request-password-reset': {
      request: (v) => ({ path: '/v1/auth/request-password-reset', body: { email: v.user.email } }),
      expectStatus: [204, 429],
    },
    'POST /v1/auth/reset-password': {
      request: () => ({
        path: '/v1/auth/reset-password',
        body: { token: 'y'.repeat(43), password: 'a-new-password-123' },
      }),
      expectStatus: [400, 401],
    },
    'GET /v1/auth/pages/verify-email': {
      request: () => ({ path: `/v1/auth/pages/verify-email?token=${'z'.repeat(43)}` }),
      expectStatus: [200, 400],
    },
    'POST /v1/auth/pages/verify-email': {
      request: () => ({ path: '/v1/auth/pages/verify-email', body: { token: 'z'.repeat(43) } }),
      expectStatus: [200, 400, 401, 415],
    },
    'GET /v1/auth/pages/reset-password': {
      request: () => ({ path: `/v1/auth/pages/reset-password?token=${'z'.repeat(43)}` }),
      expectStatus: [200, 400],
    },
    'POST /v1/auth/pages/reset-password': {
      request: () => ({
        path: '/v1/auth/pages/reset-password',
        body: { token: 'z'.repeat(43), password: 'p'.repeat(12), confirm: 'p'.repeat(12) },
      }),
      expectStatus: [200, 400, 401, 415],
    },
    'GET /v1/me': { request: () => ({ path: '/v1/me' }), expectStatus: [200] },
    'DELETE /v1/me': {
      request: () => ({ path: '/v1/me', body: { password: 'not-b-password' } }),
      expectStatus: [401, 403],
    },
    'GET /v1/devices': { request: () => ({ path: '/v1/devices' }), expectStatus: [200] },
    'POST /v1/devices/:id/revoke': {
      request: (v) => ({ path: `/v1/devices/${v.secondDevice.deviceId}/revoke`, body: {} }),
      expectStatus: [404],
    },
    'GET /v1/admin/users': {
      request: (v) => ({ path: `/v1/admin/users?query=${encodeURIComponent(v.user.email)}` }),
      expectStatus: [403],
    },
    'PATCH /v1/admin/users/:id': {
      request: (v) => ({ path: `/v1/admin/users/${v.user.userId}`, body: { tier: 'free' } }),
      expectStatus: [403],
    },
    'POST /v1/sync/push': {
      // Same clock reading as A's change, B's own device: stored for B only.
      request: () => ({
        path: '/v1/sync/push',
        body: {
          sentAt: Date.now(),
          changes: [{ hlc: hlc(Date.now(), b.deviceId), keyId: 'k1', blob: blob('B data') }],
        },
      }),
      expectStatus: [200],
    },
    'GET /v1/sync/pull': { request: () => ({ path: '/v1/sync/pull?limit=1000' }), expectStatus: [200] },
    'GET /v1/sync/keyring': { request: () => ({ path: '/v1/sync/keyring' }), expectStatus: [404] },
    'PUT /v1/sync/keyring': {
      request: () => ({
        path: '/v1/sync/keyring',
        body: {
          expectedVersion: 1,
          keyring: {
            kdf: {
              algorithm: 'argon2id',
              salt: 'YmJiYmJiYmJiYmJiYmJiYg',
              memoryKiB: 65536,
              iterations: 3,
              parallelism: 1,
            },
            check: 'b',
            currentKeyId: 'k1',
            keys: [{ keyId: 'k1', wrappedByPassphrase: 'b', wrappedByPrevious: null }],
          },
        },
      }),
      expectStatus: [409],
    },
    'GET /v1/sync/live': { request: () => ({ path: '/v1/sync/live' }), expectStatus: [400, 401, 404, 426] },
    'GET /v1/ai/models': { request: () => ({ path: '/v1/ai/models' }), expectStatus: [200] },
    'POST /v1/ai/chat/completions': {
      request: () => ({
        path: '/v1/ai/chat/completions',
        body: { model: 'default', messages: [{ role: 'user', content: 'hi' }], max_completion_tokens: 8 },
      }),
      expectStatus: [200],
    },
    'GET /v1/relay/public-key': { request: () => ({ path: '/v1/relay/public-key' }), expectStatus: [200] },
    'POST /v1/relay/jobs': {
      // A's idempotency key, sealed for B: a job of B's own, never A's.
      request: (v) => ({
        path: '/v1/relay/jobs',
        body: relayJobBody(
          keys.publicPem,
          b,
          mastodonPayload({ origin: 'https://mastodon.example', accountId: '2', token: 't', text: 'B post' }),
          {
            idempotencyKey: v.relayKey,
          },
        ),
      }),
      expectStatus: [200, 201],
    },
    'GET /v1/relay/jobs': { request: () => ({ path: '/v1/relay/jobs' }), expectStatus: [200] },
    'DELETE /v1/relay/jobs/:id': { request: (v) => ({ path: `/v1/relay/jobs/${v.relayJobId}` }), expectStatus: [404] },
    'GET /v1/oauth/apps': { request: () => ({ path: '/v1/oauth/apps' }), expectStatus: [200] },
    'POST /v1/oauth/token': {
      // No platform app on this server: the broker has nothing of anyone's to hand out.
      request: () => ({
        path: '/v1/oauth/token',
        body: {
          platform: 'facebook',
          grant: {
            type: 'authorization_code',
            code: 'a-code-of-someone-else',
            redirectUri: 'http://127.0.0.1:53682/callback',
            codeVerifier: 'v'.repeat(43),
          },
        },
      }),
      expectStatus: [404],
    },
    'POST /v1/oauth/revoke': {
      // No platform app on this server: nothing is sent anywhere with anyone's app.
      request: () => ({
        path: '/v1/oauth/revoke',
        body: { platform: 'tiktok', token: { accessToken: 'a-token-of-someone-else' } },
      }),
      expectStatus: [404],
    },
    // Last: it signs B's device out.
    'POST /v1/auth/logout': { request: () => ({ path: '/v1/auth/logout', body: {} }), expectStatus: [204] },
  };

  it('has a row for every route the service serves', () => {
    const served = registeredRoutes(server.app)
      .filter((r) => r.url.startsWith('/v1/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(served.filter((route) => !(route in probes))).toEqual([]);
    expect(Object.keys(probes).filter((route) => !served.includes(route))).toEqual([]);
  });

  it('refuses every signed-in route without a token', async () => {
    const publicRoutes =
      /^(POST \/v1\/auth\/(register|login|refresh|verify-email|request-password-reset|reset-password)|(GET|POST) \/v1\/auth\/pages\/|GET \/v1\/relay\/public-key)/;
    for (const [route, probe] of Object.entries(probes)) {
      if (publicRoutes.test(route)) continue;
      const [method] = route.split(' ') as [string];
      const { path, body } = probe.request(a);
      const response = await call(method, path, null, body);
      expect.soft(response.status, route).toBe(401);
    }
  });

  it("gives user B nothing of user A's, and leaves A's data exactly as it was", async () => {
    const live = new WebSocket(`${server.url.replace('http', 'ws')}/v1/sync/live?token=${b.accessToken}`);
    const heard: string[] = [];
    live.on('message', (data: Buffer) => heard.push(data.toString()));
    await new Promise((resolve, reject) => {
      live.once('open', resolve);
      live.once('error', reject);
    });

    for (const [route, probe] of Object.entries(probes)) {
      const [method] = route.split(' ') as [string];
      const { path, body } = probe.request(a);
      const response = await call(method, path, b, body);
      exercised.add(route);
      expect
        .soft(probe.expectStatus, `${route} answered ${response.status}: ${response.text.slice(0, 200)}`)
        .toContain(response.status);
    }

    // A pushes while B listens: B's live channel hears nothing about it.
    await fetch(`${server.url}/v1/sync/push`, {
      method: 'POST',
      headers: a.user.headers,
      body: JSON.stringify({
        sentAt: Date.now(),
        changes: [{ hlc: hlc(Date.now() + 1, a.user.deviceId), keyId: 'k1', blob: blob(`${SECRET}-2`) }],
      }),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    live.close();
    expect(heard.filter((m) => !m.includes('"ping"'))).toEqual([]);

    expect(leaks).toEqual([]);
    const after = await snapshotOfA();
    const changes = (
      await server.database.db.selectFrom('sync_changes').select('hlc').where('user_id', '=', a.user.userId).execute()
    ).length;
    expect(changes).toBe(2);
    // Apart from A's own second push, nothing of A's changed.
    const withoutSecondPush = JSON.parse(after) as unknown[];
    const beforeRows = JSON.parse(before) as unknown[];
    (withoutSecondPush[2] as unknown[]).pop();
    expect(withoutSecondPush).toEqual(beforeRows);
  });
});
