import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { serverErrorBodySchema } from '../../shared/sync-api/errors';
import { pushResponseSchema } from '../../shared/sync-api/sync';
import { AccessTokens } from '../auth/access-token';
import {
  addTestDevice,
  createTestUser,
  startTestSyncServer,
  type TestSyncServer,
  type TestUser,
} from '../../../test/support/sync-server';
import { activeDeviceIds } from './active-devices';
import { LiveClient, makeChanges, postJson, refusedUpgrade } from './sync-test-helpers';

describe('live sync channel across instances (real PostgreSQL LISTEN/NOTIFY)', () => {
  let server: TestSyncServer;
  let second: { url: string; close(): Promise<void> };
  const clients: LiveClient[] = [];
  beforeAll(async () => {
    server = await startTestSyncServer();
    second = await server.startInstance();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close();
  });

  const connect = async (url: string, user: TestUser) => {
    const client = await LiveClient.connect(url, user.accessToken);
    clients.push(client);
    return client;
  };
  const push = async (url: string, user: TestUser, count = 1) => {
    const response = await postJson(`${url}/v1/sync/push`, user.headers, {
      changes: makeChanges(user.deviceId, count),
      sentAt: Date.now(),
    });
    expect(response.status).toBe(200);
    return pushResponseSchema.parse(await response.json());
  };
  const readiness = async (url: string) => {
    const response = await fetch(`${url}/readyz`);
    return { status: response.status, body: (await response.json()) as { checks: Record<string, string> } };
  };

  it('tells a device on another instance, and not the device that pushed', async () => {
    const laptop = await createTestUser(server);
    const phone = await addTestDevice(server, laptop);
    const tablet = await addTestDevice(server, laptop);
    const laptopLive = await connect(server.url, laptop);
    const phoneLive = await connect(second.url, phone);

    const pushed = await push(server.url, laptop);
    expect(await phoneLive.changed()).toEqual({ type: 'changed', cursor: pushed.cursor });

    // Notices arrive in order on one listener: had the laptop been told about its own push, that
    // would be its first message. Its first is the tablet's.
    const fromTablet = await push(second.url, tablet);
    expect(await laptopLive.changed()).toEqual({ type: 'changed', cursor: fromTablet.cursor });
    expect(await phoneLive.changed(2)).toEqual({ type: 'changed', cursor: fromTablet.cursor });
    expect(laptopLive.messages.filter((m) => m.type === 'changed')).toHaveLength(1);
  });

  it("never tells a user about another user's pushes", async () => {
    const alice = await createTestUser(server);
    const bob = await createTestUser(server);
    const bobPhone = await addTestDevice(server, bob);
    const bobLive = await connect(second.url, bob);
    await push(server.url, alice, 3);
    const own = await push(server.url, bobPhone);
    // Alice's notice would have come first; Bob's first is his own phone's.
    expect(await bobLive.changed()).toEqual({ type: 'changed', cursor: own.cursor });
  });

  it('does not notify for a retried push that stored nothing', async () => {
    const user = await createTestUser(server);
    const other = await addTestDevice(server, user);
    const live = await connect(second.url, other);
    const changes = makeChanges(user.deviceId, 2);
    const first = await postJson(`${server.url}/v1/sync/push`, user.headers, { changes, sentAt: Date.now() });
    const retry = await postJson(`${server.url}/v1/sync/push`, user.headers, { changes, sentAt: Date.now() });
    expect(pushResponseSchema.parse(await retry.json()).accepted).toBe(0);
    const next = await push(server.url, user);
    expect(pushResponseSchema.parse(await first.json()).accepted).toBe(2);
    expect(await live.changed(2)).toEqual({ type: 'changed', cursor: next.cursor });
    expect(live.messages.filter((m) => m.type === 'changed')).toHaveLength(2);
  });

  it('refuses the upgrade without a valid token, with the error code', async () => {
    const missing = await refusedUpgrade(server.url, 'not-a-token');
    expect(missing.status).toBe(401);
    expect(serverErrorBodySchema.parse(JSON.parse(missing.body)).error.code).toBe('unauthenticated');
    const user = await createTestUser(server);
    const past = new AccessTokens(server.config.JWT_SECRET, 60, () => new Date(Date.now() - 3_600_000));
    const expired = await past.sign({ userId: user.userId, deviceId: user.deviceId, role: 'user' });
    const refused = await refusedUpgrade(server.url, expired);
    expect(refused.status).toBe(401);
    expect(serverErrorBodySchema.parse(JSON.parse(refused.body)).error.code).toBe('token_expired');
  });

  it('counts open live connections', async () => {
    const gauge = async () => {
      const text = await (await fetch(`${second.url}/metrics`)).text();
      return Number(
        text
          .split('\n')
          .find((l) => l.startsWith('cadence_sync_live_connections '))
          ?.split(' ')[1],
      );
    };
    const user = await createTestUser(server);
    const before = await gauge();
    const live = await connect(second.url, user);
    expect(await gauge()).toBe(before + 1);
    const closed = new Promise((resolve) => live.socket.once('close', resolve));
    live.close();
    await closed;
    // The server sees the close a moment after the client: wait for it rather than for a time.
    while ((await gauge()) !== before) await new Promise((resolve) => setImmediate(resolve));
    expect(await gauge()).toBe(before);
  });

  it('reports the listener in readiness, reconnects after its connection is killed and catches sockets up', async () => {
    expect((await readiness(second.url)).body.checks.listener).toBe('ok');
    const user = await createTestUser(server);
    const other = await addTestDevice(server, user);
    const live = await connect(second.url, other);
    const before = await push(server.url, user);
    expect(await live.changed()).toEqual({ type: 'changed', cursor: before.cursor });

    const admin = new pg.Client({ connectionString: server.config.DATABASE_URL });
    await admin.connect();
    try {
      const listeners = `select pid from pg_stat_activity
        where application_name = 'cadence-sync-listener' and datname = current_database()`;
      const killed = (await admin.query<{ pid: number }>(listeners)).rows.map((r) => r.pid);
      // One listener per instance: the test server's and the second instance's.
      expect(killed).toHaveLength(2);
      await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [killed]);

      // Both instances listen again, on new connections, and say so in readiness.
      for (;;) {
        const now = (await admin.query<{ pid: number }>(listeners)).rows.map((r) => r.pid);
        if (now.length === 2 && now.every((pid) => !killed.includes(pid))) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      for (;;) {
        const ready = await readiness(second.url);
        if (ready.status === 200) break;
        expect(ready.body.checks.listener).toMatch(/reconnecting/);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Pushes made while it was deaf were announced to nobody: on reconnecting, the instance
      // tells its sockets to pull, with the latest cursor.
      expect(await live.changed(2)).toEqual({ type: 'changed', cursor: before.cursor });

      const afterwards = await push(server.url, user);
      expect(await live.changed(3)).toEqual({ type: 'changed', cursor: afterwards.cursor });
    } finally {
      await admin.end();
    }
  });

  it('knows which live devices are still signed in (revoked and deleted ones are not)', async () => {
    const user = await createTestUser(server);
    const kept = await addTestDevice(server, user);
    const revoked = await addTestDevice(server, user);
    const gone = await createTestUser(server);
    const db = server.database.db;
    await db.updateTable('devices').set({ revoked_at: new Date() }).where('id', '=', revoked.deviceId).execute();
    await db.deleteFrom('users').where('id', '=', gone.userId).execute();
    const active = await activeDeviceIds(db, [user.deviceId, kept.deviceId, revoked.deviceId, gone.deviceId]);
    expect([...active].sort()).toEqual([user.deviceId, kept.deviceId].sort());
    expect(await activeDeviceIds(db, [])).toEqual(new Set());
  });
});
