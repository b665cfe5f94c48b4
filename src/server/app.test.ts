import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverErrorBodySchema } from '../shared/sync-api/errors';
import { startTestSyncServer, type TestSyncServer } from '../../test/support/sync-server';

describe('sync service basics (real PostgreSQL)', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers liveness and readiness, with the database checked', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, checks: { database: 'ok' } });
  });

  it('exposes Prometheus metrics, HTTP timings included', async () => {
    await fetch(`${server.url}/healthz`);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toContain('cadence_http_request_duration_seconds_bucket');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('answers an unknown route with the shared error body', async () => {
    const response = await fetch(`${server.url}/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(serverErrorBodySchema.parse(await response.json()).error.code).toBe('not_found');
  });

  it('believes X-Forwarded-For only as far as TRUST_PROXY says', async () => {
    const { trustProxySetting } = await import('./config');
    expect(trustProxySetting('false')).toBe(false);
    expect(trustProxySetting('10.0.0.0/8, 192.168.0.1')).toEqual(['10.0.0.0/8', '192.168.0.1']);
    const oneHop = trustProxySetting('1') as (address: string, hop: number) => boolean;
    expect([oneHop('10.0.0.1', 0), oneHop('10.0.0.2', 1)]).toEqual([true, false]);
  });

  it('refuses bad settings at start with the variable named', async () => {
    const { readServerConfig } = await import('./config');
    expect(() => readServerConfig({ DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' })).toThrow(
      /DATABASE_URL[\s\S]*JWT_SECRET/,
    );
  });
});

describe('access tokens and devices', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lets a signed-in device through and refuses a revoked one at once', async () => {
    const { createTestUser } = await import('../../test/support/sync-server');
    const user = await createTestUser(server);
    const { createAuthenticator } = await import('./auth/authenticate');
    const { AccessTokens } = await import('./auth/access-token');
    const authenticate = createAuthenticator(
      server.database.db,
      new AccessTokens(server.config.JWT_SECRET, server.config.ACCESS_TOKEN_TTL_SECONDS),
    );
    const request = { headers: { authorization: `Bearer ${user.accessToken}` }, query: {} } as never;
    expect(await authenticate(request)).toMatchObject({ userId: user.userId, deviceId: user.deviceId, role: 'user' });
    await server.database.db
      .updateTable('devices')
      .set({ revoked_at: new Date() })
      .where('id', '=', user.deviceId)
      .execute();
    await expect(authenticate(request)).rejects.toMatchObject({ status: 401, code: 'device_revoked' });
  });

  it('tells an expired token apart from a bad one', async () => {
    const { AccessTokens } = await import('./auth/access-token');
    const tokens = new AccessTokens(server.config.JWT_SECRET, 30);
    const token = await tokens.sign({ userId: crypto.randomUUID(), deviceId: crypto.randomUUID(), role: 'user' });
    const [head, payload] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.x`;
    await expect(tokens.verify(forged)).rejects.toMatchObject({ code: 'unauthenticated' });
    const clock = { now: new Date() };
    const moving = new AccessTokens(server.config.JWT_SECRET, 30, () => clock.now);
    const expiring = await moving.sign({ userId: crypto.randomUUID(), deviceId: crypto.randomUUID(), role: 'user' });
    await expect(moving.verify(expiring)).resolves.toMatchObject({ role: 'user' });
    clock.now = new Date(clock.now.getTime() + 120_000);
    await expect(moving.verify(expiring)).rejects.toMatchObject({ code: 'token_expired' });
  });
});
