import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceListSchema } from '../../shared/sync-api/accounts';
import { createTestUser, startTestSyncServer, type TestSyncServer } from '../../../test/support/sync-server';
import { accountsApi, errorCode, uniqueEmail } from './test-api';

describe('devices and the per-tier device limit (real PostgreSQL)', () => {
  let server: TestSyncServer;
  let api: ReturnType<typeof accountsApi>;
  beforeAll(async () => {
    server = await startTestSyncServer({ RATE_LIMITS: 'off' });
    api = accountsApi(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a sign-in past the free tier’s 2 devices, saying the limit and how to free a slot', async () => {
    const email = uniqueEmail('limit');
    const first = await api.register(email);
    await api.loginOk(email, undefined, 'Second');
    const third = await api.login(email, undefined, 'Third');
    expect(third.status).toBe(403);
    expect(third.body).toMatchObject({
      error: { code: 'device_limit', details: { limit: 2, active: 2, tier: 'free' } },
    });
    expect((third.body as { error: { message: string } }).error.message).toMatch(/allows 2 .*sign out.*revoke/s);

    // Signing out frees the slot.
    expect((await api.call('POST', '/auth/logout', { token: first.accessToken })).status).toBe(204);
    expect((await api.login(email, undefined, 'Third')).status).toBe(200);
  });

  it('lets exactly the allowance through when sign-ins race for the last slot', async () => {
    const email = uniqueEmail('race');
    await api.register(email);
    const results = await Promise.all([1, 2, 3, 4].map((n) => api.login(email, undefined, `Racer ${n}`)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 403).every((r) => errorCode(r) === 'device_limit')).toBe(true);
  });

  it('lists the account’s devices with the current one marked, and revokes another at once', async () => {
    const email = uniqueEmail('list');
    const laptop = await api.register(email);
    const phone = await api.loginOk(email, undefined, 'Phone');
    const listed = deviceListSchema.parse((await api.call('GET', '/devices', { token: laptop.accessToken })).body);
    expect(listed.devices).toHaveLength(2);
    expect(listed.devices.find((d) => d.current)?.id).toBe(laptop.deviceId);
    expect(listed.devices.find((d) => d.id === phone.deviceId)).toMatchObject({ name: 'Phone', revokedAt: null });

    const revoke = await api.call('POST', `/devices/${phone.deviceId}/revoke`, { token: laptop.accessToken });
    expect(revoke.status).toBe(204);
    expect(errorCode(await api.me(phone.accessToken))).toBe('device_revoked');
    expect(errorCode(await api.refresh(phone.refreshToken))).toBe('device_revoked');
    expect((await api.me(laptop.accessToken)).status).toBe(200);

    const after = deviceListSchema.parse((await api.call('GET', '/devices', { token: laptop.accessToken })).body);
    expect(after.devices.find((d) => d.id === phone.deviceId)?.revokedAt).not.toBeNull();
  });

  it('does not let one account see or revoke another account’s device', async () => {
    const alice = await createTestUser(server);
    const bob = await createTestUser(server);
    const attempt = await api.call('POST', `/devices/${bob.deviceId}/revoke`, { token: alice.accessToken });
    expect(attempt.status).toBe(404);
    expect((await api.me(bob.accessToken)).status).toBe(200);
    const listed = deviceListSchema.parse((await api.call('GET', '/devices', { token: alice.accessToken })).body);
    expect(listed.devices.map((d) => d.id)).toEqual([alice.deviceId]);
    expect((await api.call('POST', '/devices/not-a-uuid/revoke', { token: alice.accessToken })).status).toBe(400);
  });
});
