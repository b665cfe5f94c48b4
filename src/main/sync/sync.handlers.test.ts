import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../../shared/contract';
import { invokeError, invokeOk } from '../../../test/support/invoke';
import { startTestSyncServer, type TestSyncServer } from '../../../test/support/sync-server';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { SESSION_SECRET_KEY } from './account/session-store';

const PASSWORD = 'correct horse battery staple';
const PASSPHRASE = 'four quiet lanterns over the harbour';

let server: TestSyncServer;
let laptop: TestCore;
let desktop: TestCore;
const laptopEvents: EventMap['sync:state'][] = [];
const email = `handlers-${Date.now()}@example.test`;

beforeAll(async () => {
  server = await startTestSyncServer({ RATE_LIMITS: 'off' });
  laptop = await createTestCore();
  desktop = await createTestCore();
  laptop.core.events.onAny((event, payload) => {
    if (event === 'sync:state') laptopEvents.push(payload as EventMap['sync:state']);
  });
}, 60_000);
afterAll(async () => {
  await laptop?.dispose();
  await desktop?.dispose();
  await server?.close();
});

/** How many sealed changes the server holds for the account. */
async function storedChanges(): Promise<number> {
  const row = await server.database.db
    .selectFrom('sync_changes')
    .innerJoin('users', 'users.id', 'sync_changes.user_id')
    .where('users.email', '=', email)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Waits until the engine of a core has finished its current round. */
async function settledStatus(t: TestCore) {
  await expect
    .poll(async () => (await invokeOk(t.core, 'sync:get-status', {})).engine.phase, { timeout: 15_000 })
    .not.toBe('syncing');
  return invokeOk(t.core, 'sync:get-status', {});
}

describe('sync channels against the real sync server', () => {
  it('starts signed out and refuses work that needs an account with a plain message', async () => {
    const status = await invokeOk(laptop.core, 'sync:get-status', {});
    expect(status).toMatchObject({ serverUrl: null, account: null, keyring: null, signedOutReason: null });
    expect(status.engine.phase).toBe('signed-out');
    const error = await invokeError(laptop.core, 'sync:sync-now', {});
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', message: 'Sign in to Cadence sync first.' });
    const noServer = await invokeError(laptop.core, 'sync:sign-in', { email, password: PASSWORD });
    expect(noServer.message).toMatch(/address of your Cadence sync server/);
  });

  it('says plainly when the server cannot be reached', async () => {
    const error = await invokeError(laptop.core, 'sync:sign-in', {
      serverUrl: 'http://127.0.0.1:9',
      email,
      password: PASSWORD,
    });
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(
      /Cannot reach the sync server at http:\/\/127\.0\.0\.1:9.*your work stays on this computer/,
    );
    expect(error.details).toEqual({ cloudCode: 'unreachable' });
  });

  it('signs up the first device, which then chooses the passphrase and syncs', async () => {
    await invokeOk(laptop.core, 'sync:set-server-url', { serverUrl: server.url });
    const signedUp = await invokeOk(laptop.core, 'sync:sign-up', { email, password: PASSWORD });
    expect(signedUp.account).toMatchObject({ email, serverUrl: server.url });
    expect(signedUp.keyring).toBe('create');
    expect(laptopEvents.some((e) => e.account?.email === email)).toBe(true);
    expect(await laptop.core.ports.secrets.get(SESSION_SECRET_KEY)).not.toBeNull();

    const ready = await invokeOk(laptop.core, 'sync:set-passphrase', { passphrase: PASSPHRASE });
    expect(ready.keyring).toBe('ready');
    await invokeOk(laptop.core, 'posts:create-post', { title: 'Laptop post', body: 'Written on the laptop.' });
    // Background sync is on once unlocked: the write reaches the server without "Sync now".
    await expect.poll(() => storedChanges(), { timeout: 15_000 }).toBeGreaterThan(0);
    const result = await invokeOk(laptop.core, 'sync:sync-now', {});
    expect(result.pushed + result.pulled).toBeGreaterThanOrEqual(0);
    const status = await settledStatus(laptop);
    expect(status.engine.lastSyncedAt).not.toBeNull();
    expect(status.engine.pending).toBe(0);

    const plan = await invokeOk(laptop.core, 'sync:get-plan', {});
    expect(plan).toMatchObject({ email, emailVerified: false, tier: 'free' });
  });

  it('signs a second device in, which unlocks with the passphrase (a wrong one is told apart) and gets the post', async () => {
    const signedIn = await invokeOk(desktop.core, 'sync:sign-in', { serverUrl: server.url, email, password: PASSWORD });
    expect(signedIn.keyring).toBe('unlock');

    const wrong = await invokeError(desktop.core, 'sync:unlock', { passphrase: 'not the passphrase at all' });
    expect(wrong.code).toBe('VALIDATION_FAILED');
    expect(wrong.details).toMatchObject({ syncCode: 'wrong_passphrase' });

    expect((await invokeOk(desktop.core, 'sync:unlock', { passphrase: PASSPHRASE })).keyring).toBe('ready');
    await invokeOk(desktop.core, 'sync:sync-now', {});
    await expect
      .poll(async () => (await invokeOk(desktop.core, 'posts:list-posts', {})).items.map((p) => p.title), {
        timeout: 15_000,
      })
      .toContain('Laptop post');

    const { devices } = await invokeOk(desktop.core, 'sync:list-devices', {});
    expect(devices).toHaveLength(2);
    expect(devices.filter((d) => d.current)).toHaveLength(1);
  });

  it('refuses a wrong account password with the server’s reason', async () => {
    const third = await createTestCore();
    try {
      const error = await invokeError(third.core, 'sync:sign-in', { serverUrl: server.url, email, password: 'nope' });
      expect(error.code).toBe('UNAUTHORIZED');
      expect(error.details).toMatchObject({ cloudCode: 'invalid_credentials' });
      expect((await invokeOk(third.core, 'sync:get-status', {})).account).toBeNull();
    } finally {
      await third.dispose();
    }
  });

  it('revoking the desktop from the laptop signs the desktop out with the reason', async () => {
    const desktopId = (await invokeOk(desktop.core, 'sync:get-status', {})).account!.deviceId;
    const { devices } = await invokeOk(laptop.core, 'sync:revoke-device', { deviceId: desktopId });
    expect(devices.find((d) => d.id === desktopId)?.revokedAt).not.toBeNull();

    // The desktop's engine is refused on its next sync; the session is then checked and ends.
    const refused = await invokeError(desktop.core, 'sync:sync-now', {});
    expect(refused.code).toBe('UNAUTHORIZED');
    await expect
      .poll(async () => (await invokeOk(desktop.core, 'sync:get-status', {})).account, { timeout: 10_000 })
      .toBeNull();
    const status = await invokeOk(desktop.core, 'sync:get-status', {});
    expect(status.engine.phase).toBe('signed-out');
    expect(status.signedOutReason).toMatch(/signed out from another device/);
    expect(await desktop.core.ports.secrets.get(SESSION_SECRET_KEY)).toBeNull();
  });

  it('signs out, keeping the server address, and deletes the account only with password and confirmation', async () => {
    const out = await invokeOk(laptop.core, 'sync:sign-out', {});
    expect(out).toMatchObject({ account: null, serverUrl: server.url, signedOutReason: null, keyring: null });
    // Signing out forgets the session and the unlocked data keys: no sync secret is left here.
    expect((await laptop.core.ports.secrets.keys()).filter((key) => key.startsWith('sync.'))).toEqual([]);

    await invokeOk(laptop.core, 'sync:sign-in', { email, password: PASSWORD });
    const wrong = await invokeError(laptop.core, 'sync:delete-account', {
      password: 'not my password',
      confirm: 'delete my account',
    });
    expect(wrong.details).toMatchObject({ cloudCode: expect.any(String) });
    expect((await invokeOk(laptop.core, 'sync:get-status', {})).account).not.toBeNull();

    const deleted = await invokeOk(laptop.core, 'sync:delete-account', {
      password: PASSWORD,
      confirm: 'delete my account',
    });
    expect(deleted.account).toBeNull();
    const users = await server.database.db.selectFrom('users').select('id').where('email', '=', email).execute();
    expect(users).toEqual([]);
    // The local post is still here: deleting the account never touches this computer's data.
    const posts = await invokeOk(laptop.core, 'posts:list-posts', {});
    expect(posts.items.map((p) => p.title)).toContain('Laptop post');
  });
});
