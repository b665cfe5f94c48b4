import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { MemorySyncServer } from './memory-transport';
import { createSimulatedDevice, type SimulatedDevice } from './simulated-device';

/** Shared setup of the engine's tests: a fresh in-memory server and temp folder per test. */

export const NOW = '2026-11-25T10:00:00.000Z';
export const PASSPHRASE = 'a long sync passphrase';

export interface Testbed {
  readonly server: MemorySyncServer;
  device(options?: { now?: () => number }): Promise<SimulatedDevice>;
  /** Two devices sharing one keyring (A created it, B unlocked), each synced once (capture on). */
  pair(): Promise<[SimulatedDevice, SimulatedDevice]>;
}

export function testbed(): Testbed {
  let dir = '';
  let server = new MemorySyncServer();
  const devices: SimulatedDevice[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cadence-sync-engine-'));
    server = new MemorySyncServer();
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) await d.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const bed: Testbed = {
    get server() {
      return server;
    },
    async device(options = {}) {
      const created = await createSimulatedDevice(server, dir, options);
      devices.push(created);
      return created;
    },
    async pair() {
      const a = await bed.device();
      const b = await bed.device();
      await a.engine.createKeyring(PASSPHRASE);
      await b.engine.unlock(PASSPHRASE);
      await a.engine.syncNow();
      await b.engine.syncNow();
      return [a, b];
    },
  };
  return bed;
}

export function addPost(d: SimulatedDevice, id: string, title = 'Title', body = 'Body'): void {
  d.run(
    `insert into posts (id, title, body, status, tags, platforms, created_at, updated_at) values (?, ?, ?, 'draft', '[]', '[]', ?, ?)`,
    id,
    title,
    body,
    NOW,
    NOW,
  );
}

export function post(d: SimulatedDevice, id: string): Record<string, unknown> | undefined {
  return d.database.raw.prepare('select * from posts where id = ?').get(id) as Record<string, unknown> | undefined;
}

export function changelog(d: SimulatedDevice): { op: string; column_name: string | null; value: unknown }[] {
  return d.database.raw.prepare('select op, column_name, value from sync_changelog order by id').all() as {
    op: string;
    column_name: string | null;
    value: unknown;
  }[];
}
