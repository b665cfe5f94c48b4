import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addTestDevice,
  createTestUser,
  startTestSyncServer,
  type TestSyncServer,
  type TestUser,
} from '../../../../test/support/sync-server';
import { AppDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { MemorySecrets } from '../../platform/secrets/memory';
import { HttpSyncTransport } from './http-transport';
import { TEST_KDF_COST } from './simulated-device';
import { SyncEngine } from './sync-engine';
import { SyncTransportError } from './transport';

/** The engine against the real sync service (PostgreSQL, HTTP, the live WebSocket). */

const NOW = '2026-11-25T10:00:00.000Z';
let server: TestSyncServer;
let dir: string;
const opened: { engine: SyncEngine; database: AppDatabase }[] = [];

async function desktop(user: TestUser, now?: () => number): Promise<{ engine: SyncEngine; database: AppDatabase }> {
  const database = AppDatabase.open(join(dir, `${randomUUID()}.sqlite`));
  await migrateToLatest(database);
  const transport = new HttpSyncTransport({ baseUrl: server.url, accessToken: async () => user.accessToken });
  const engine = new SyncEngine({
    db: database,
    deviceId: user.deviceId,
    transport,
    secrets: new MemorySecrets(),
    now,
    kdfCost: TEST_KDF_COST,
  });
  const device = { engine, database };
  opened.push(device);
  return device;
}

function title(database: AppDatabase, id: string): unknown {
  return (database.raw.prepare('select title from posts where id = ?').get(id) as { title: string } | undefined)?.title;
}

beforeAll(async () => {
  server = await startTestSyncServer();
  dir = mkdtempSync(join(tmpdir(), 'cadence-sync-real-'));
}, 60_000);

afterAll(async () => {
  for (const { engine, database } of opened) {
    await engine.stop();
    await database.close();
  }
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sync engine against the real server', () => {
  it('two devices sync a post both ways through HTTP and the live channel', { timeout: 60_000 }, async () => {
    const user = await createTestUser(server);
    const laptop = await desktop(user);
    const desk = await desktop(await addTestDevice(server, user));

    expect(await laptop.engine.hasRemoteKeyring()).toBe(false);
    await laptop.engine.createKeyring('a passphrase for the real server');
    expect(await desk.engine.hasRemoteKeyring()).toBe(true);
    await desk.engine.unlock('a passphrase for the real server');

    laptop.engine.start();
    desk.engine.start();
    // Both settled first, so the post can only reach the desk through a live notice (the timer is 60 s).
    for (const d of [laptop, desk]) {
      await vi.waitFor(
        () => expect(d.engine.state()).toMatchObject({ phase: 'idle', lastSyncedAt: expect.any(String) }),
        {
          timeout: 10_000,
        },
      );
    }
    laptop.database.raw
      .prepare(
        `insert into posts (id, title, body, status, tags, platforms, created_at, updated_at) values ('p1', 'From the laptop', 'Body', 'draft', '[]', '[]', ?, ?)`,
      )
      .run(NOW, NOW);
    await vi.waitFor(() => expect(title(desk.database, 'p1')).toBe('From the laptop'), {
      timeout: 20_000,
      interval: 100,
    });

    desk.database.raw.prepare(`update posts set title = 'Edited on the desk' where id = 'p1'`).run();
    await vi.waitFor(() => expect(title(laptop.database, 'p1')).toBe('Edited on the desk'), {
      timeout: 20_000,
      interval: 100,
    });
    await vi.waitFor(() => expect(laptop.engine.state()).toMatchObject({ phase: 'idle', pending: 0 }), {
      timeout: 10_000,
    });
    expect(laptop.engine.state().lastSyncedAt).not.toBeNull();
    expect(laptop.engine.state().clockSkewMs).toBeNull();

    // The server stores only sealed blobs: the title is nowhere in PostgreSQL.
    const stored = await sql<{ blob: unknown }>`select * from sync_changes`.execute(server.database.db);
    expect(stored.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored.rows)).not.toContain('Edited on the desk');
  });

  it('maps server errors to typed errors: bad token, keyring race, clock far ahead', { timeout: 60_000 }, async () => {
    const user = await createTestUser(server);
    const badToken = new HttpSyncTransport({ baseUrl: server.url, accessToken: async () => 'not-a-token' });
    await expect(badToken.pull(null, 10)).rejects.toBeInstanceOf(SyncTransportError);
    await expect(badToken.pull(null, 10)).rejects.toMatchObject({ status: 401 });

    const first = await desktop(user);
    await first.engine.createKeyring('passphrase');
    const transport = new HttpSyncTransport({ baseUrl: server.url, accessToken: async () => user.accessToken });
    const keyring = (await transport.getKeyring())!;
    const { version: _version, ...draft } = keyring;
    await expect(transport.putKeyring(null, draft)).rejects.toMatchObject({ code: 'conflict', status: 409 });

    // A device whose clock is a day and more ahead: the server refuses, the engine says why.
    const ahead = await desktop(await addTestDevice(server, user), () => Date.now() + 30 * 3_600_000);
    await ahead.engine.unlock('passphrase');
    ahead.database.raw
      .prepare(
        `insert into posts (id, title, body, status, tags, platforms, created_at, updated_at) values ('future', 't', 'b', 'draft', '[]', '[]', ?, ?)`,
      )
      .run(NOW, NOW);
    await expect(ahead.engine.syncNow()).rejects.toMatchObject({ code: 'clock_skew', status: 400 });
    expect(ahead.engine.state()).toMatchObject({ phase: 'error', lastError: { code: 'clock_skew' } });
    expect(ahead.engine.state().clockSkewMs).toBeGreaterThan(29 * 3_600_000);
  });

  it('the live channel refuses a bad token with a typed error', { timeout: 20_000 }, async () => {
    const transport = new HttpSyncTransport({ baseUrl: server.url, accessToken: async () => 'not-a-token' });
    const closed = await new Promise<unknown>((resolve) => {
      transport.openLive({ onChanged: () => undefined, onClose: (error) => resolve(error) });
    });
    expect(closed).toBeInstanceOf(SyncTransportError);
    expect(closed).toMatchObject({ status: 401 });
  });

  it('reports an unreachable server as offline', async () => {
    const user = await createTestUser(server);
    const transport = new HttpSyncTransport({
      baseUrl: 'http://127.0.0.1:9',
      accessToken: async () => user.accessToken,
    });
    await expect(transport.pull(null, 10)).rejects.toMatchObject({ code: 'network' });
  });
});
