import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AppDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { MemorySecrets } from '../../platform/secrets/memory';
import type { MemorySyncServer } from './memory-transport';
import { SyncEngine } from './sync-engine';
import { SYNCED_TABLES } from './synced-tables';

/** The schema's minimum argon2id cost: keeps tests quick; the app uses DEFAULT_KDF_COST. */
export const TEST_KDF_COST = { memoryKiB: 8192, iterations: 1, parallelism: 1 };

/** A simulated desktop for tests: a real SQLite file with every migration, and an engine on a shared in-memory server. */
export interface SimulatedDevice {
  id: string;
  database: AppDatabase;
  engine: SyncEngine;
  secrets: MemorySecrets;
  /** Synced content only: every synced table's rows, key and synced columns, in key order. */
  snapshot(): Record<string, Record<string, unknown>[]>;
  run(sqlText: string, ...params: unknown[]): void;
  close(): Promise<void>;
}

export async function createSimulatedDevice(
  server: MemorySyncServer,
  dir: string,
  options: { now?: () => number; id?: string } = {},
): Promise<SimulatedDevice> {
  const id = options.id ?? randomUUID();
  const database = AppDatabase.open(join(dir, `${id}.sqlite`));
  await migrateToLatest(database);
  const secrets = new MemorySecrets();
  const engine = new SyncEngine({
    db: database,
    deviceId: id,
    transport: server.transport(id),
    secrets,
    now: options.now,
    kdfCost: TEST_KDF_COST,
  });
  return {
    id,
    database,
    engine,
    secrets,
    snapshot: () => snapshotOf(database),
    run: (sqlText, ...params) => {
      database.raw.prepare(sqlText).run(...params);
    },
    close: async () => {
      await engine.stop();
      await database.close();
    },
  };
}

export function snapshotOf(database: AppDatabase): Record<string, Record<string, unknown>[]> {
  const result: Record<string, Record<string, unknown>[]> = {};
  for (const spec of SYNCED_TABLES) {
    result[spec.table] = database.raw
      .prepare(`select ${spec.key}, ${spec.columns.join(', ')} from ${spec.table} order by ${spec.key}`)
      .all() as Record<string, unknown>[];
  }
  return result;
}
