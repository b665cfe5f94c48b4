import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, startTestSyncServer, type TestSyncServer } from '../../../test/support/sync-server';
import { accountsApi, errorCode, uniqueEmail } from './test-api';
import { ACCOUNT_LIMITS, IP_LIMITS, throttle } from './throttle';

describe('rate limits on the auth endpoints (real PostgreSQL)', () => {
  let server: TestSyncServer;
  let api: ReturnType<typeof accountsApi>;
  beforeAll(async () => {
    server = await startTestSyncServer({ RATE_LIMITS: 'on' });
    api = accountsApi(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('limits sign-in attempts per email with 429 and Retry-After, leaving other emails alone', async () => {
    const email = uniqueEmail('target');
    const attempts = [];
    for (let i = 0; i < ACCOUNT_LIMITS.login.max; i += 1)
      attempts.push((await api.login(email, 'wrong password')).status);
    expect(new Set(attempts)).toEqual(new Set([401]));

    const limited = await api.login(email, 'wrong password');
    expect(limited.status).toBe(429);
    expect(errorCode(limited)).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(ACCOUNT_LIMITS.login.windowSeconds);

    expect((await api.login(uniqueEmail('other'), 'wrong password')).status).toBe(401);
  });

  it('opens the per-email window again once it has passed', async () => {
    const db = server.database.db;
    const start = new Date('2026-01-01T00:00:00Z');
    const limit = { max: 2, windowSeconds: 60 };
    const hit = (at: Date) => throttle(db, { action: 'mail', subject: 'window@example.test', now: at, limit });
    await hit(start);
    await hit(new Date(start.getTime() + 10_000));
    await expect(hit(new Date(start.getTime() + 20_000))).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
      headers: { 'retry-after': '40' },
    });
    await expect(hit(new Date(start.getTime() + 61_000))).resolves.toBeUndefined();
  });

  it('limits registrations per IP address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof api.call>> | undefined;
    for (let i = 0; i <= IP_LIMITS.register.max; i += 1) {
      last = await api.call('POST', '/auth/register', {
        // Invalid on purpose: the per-IP limit counts before the body is even looked at.
        body: { email: 'not-an-email', password: 'x', device: { name: 'x', platform: 'x' } },
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, IP_LIMITS.register.max).every((s) => s === 400)).toBe(true);
    expect(last?.status).toBe(429);
    expect(errorCode(last!)).toBe('rate_limited');
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits password re-checks on account deletion per account', async () => {
    const user = await createTestUser(server);
    const statuses: number[] = [];
    for (let i = 0; i <= ACCOUNT_LIMITS.passwordCheck.max; i += 1) {
      statuses.push((await api.call('DELETE', '/me', { token: user.accessToken, body: { password: 'guess' } })).status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 403)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('limits reset emails per address, answering alike whether the account exists', async () => {
    const known = uniqueEmail('known');
    // Straight to the database: this file's earlier test used up the per-IP registrations.
    await createTestUser(server, { email: known });
    for (const email of [known, uniqueEmail('unknown')]) {
      const statuses: number[] = [];
      for (let i = 0; i <= ACCOUNT_LIMITS.mail.max; i += 1) {
        statuses.push((await api.call('POST', '/auth/request-password-reset', { body: { email } })).status);
      }
      expect(statuses).toEqual([...Array<number>(ACCOUNT_LIMITS.mail.max).fill(204), 429]);
    }
  });
});
