import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUserListSchema, adminUserSchema, meResponseSchema } from '../../shared/sync-api/accounts';
import { createTestUser, startTestSyncServer, type TestSyncServer } from '../../../test/support/sync-server';
import { accountsApi, errorCode } from '../accounts/test-api';

describe('admin endpoints (real PostgreSQL)', () => {
  let server: TestSyncServer;
  let api: ReturnType<typeof accountsApi>;
  beforeAll(async () => {
    server = await startTestSyncServer({ RATE_LIMITS: 'off' });
    api = accountsApi(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a non-admin with 403 forbidden on every admin route', async () => {
    const user = await createTestUser(server);
    const list = await api.call('GET', '/admin/users', { token: user.accessToken });
    expect(list.status).toBe(403);
    expect(errorCode(list)).toBe('forbidden');
    const patch = await api.call('PATCH', `/admin/users/${user.userId}`, {
      token: user.accessToken,
      body: { tier: 'pro' },
    });
    expect(patch.status).toBe(403);
    expect((await api.call('GET', '/admin/users')).status).toBe(401);
  });

  it('searches by email and pages with a cursor, every match exactly once', async () => {
    const admin = await createTestUser(server, { role: 'admin' });
    const emails = Array.from({ length: 7 }, (_, i) => `pager-${i}@search.test`);
    for (const email of emails) await createTestUser(server, { email });
    await createTestUser(server, { email: 'pagerX@elsewhere.test' });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query = new URLSearchParams({ query: '@SEARCH.test', limit: '3', ...(cursor ? { cursor } : {}) });
      const page = adminUserListSchema.parse(
        (await api.call('GET', `/admin/users?${query.toString()}`, { token: admin.accessToken })).body,
      );
      seen.push(...page.users.map((u) => u.email));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(emails);
    expect(pages).toBe(3);
  });

  it('treats % and _ in a search as plain characters', async () => {
    const admin = await createTestUser(server, { role: 'admin' });
    await createTestUser(server, { email: 'under_score@like.test' });
    await createTestUser(server, { email: 'underXscore@like.test' });
    const page = adminUserListSchema.parse(
      (await api.call('GET', '/admin/users?query=under_score', { token: admin.accessToken })).body,
    );
    expect(page.users.map((u) => u.email)).toEqual(['under_score@like.test']);
    const bad = await api.call('GET', '/admin/users?cursor=bm9wZQ', { token: admin.accessToken });
    expect(errorCode(bad)).toBe('invalid_input');
  });

  it('changes a tier and a role; the account sees the new entitlements and role at once', async () => {
    const admin = await createTestUser(server, { role: 'admin' });
    const user = await createTestUser(server);
    const changed = await api.call('PATCH', `/admin/users/${user.userId}`, {
      token: admin.accessToken,
      body: { tier: 'pro', role: 'admin' },
    });
    expect(changed.status).toBe(200);
    expect(adminUserSchema.parse(changed.body)).toMatchObject({ tier: 'pro', role: 'admin', devices: 1 });
    const me = meResponseSchema.parse((await api.me(user.accessToken)).body);
    expect(me).toMatchObject({ tier: 'pro', role: 'admin', entitlements: { devices: 20 } });
    // The promoted account's existing token now passes the admin check (the role is read per request).
    expect((await api.call('GET', '/admin/users', { token: user.accessToken })).status).toBe(200);
  });

  it('refuses an empty change, an unknown account, and an admin removing their own role', async () => {
    const admin = await createTestUser(server, { role: 'admin' });
    const empty = await api.call('PATCH', `/admin/users/${admin.userId}`, { token: admin.accessToken, body: {} });
    expect(errorCode(empty)).toBe('invalid_input');
    const unknown = await api.call('PATCH', `/admin/users/${crypto.randomUUID()}`, {
      token: admin.accessToken,
      body: { tier: 'pro' },
    });
    expect(unknown.status).toBe(404);
    const self = await api.call('PATCH', `/admin/users/${admin.userId}`, {
      token: admin.accessToken,
      body: { role: 'user' },
    });
    expect(self.status).toBe(409);
    expect(errorCode(self)).toBe('conflict');
  });
});
