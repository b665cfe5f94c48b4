import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { createLogger } from '../../platform/logger/logger';
import { MemorySecrets } from '../../platform/secrets/memory';
import { CloudSession } from './cloud-session';
import { SessionStore } from './session-store';

/** One simulated computer: its own SQLite file and secrets, and a fetch that counts calls by path. */
export interface TestDevice {
  name: string;
  session: CloudSession;
  store: SessionStore;
  secrets: MemorySecrets;
  database: AppDatabase;
  /** Paths requested (`POST /v1/auth/refresh`), in order. */
  calls: string[];
  /** Moves this device's clock (the access token's refresh time is tracked on it). */
  clock: { offsetMs: number };
  /** While set, every request fails the way an unplugged network does. */
  offline: { on: boolean };
  /** A second app start on the same computer: a new session object on the same files. */
  restart(): CloudSession;
  dispose(): Promise<void>;
}

export async function createTestDevice(name: string): Promise<TestDevice> {
  const dir = mkdtempSync(join(tmpdir(), 'cadence-sync-session-'));
  const database = AppDatabase.open(join(dir, 'cadence.db'));
  await migrateToLatest(database);
  const secrets = new MemorySecrets();
  const clock = { offsetMs: 0 };
  const offline = { on: false };
  const calls: string[] = [];
  const countingFetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    if (offline.on) throw new TypeError('fetch failed');
    return fetch(input, init);
  };
  const store = new SessionStore(database.db, secrets, () => new Date(Date.now() + clock.offsetMs));
  const make = () =>
    new CloudSession({
      store,
      logger: createLogger({ level: 'silent' }),
      now: () => Date.now() + clock.offsetMs,
      device: () => ({ name, platform: 'Linux' }),
      fetch: countingFetch,
    });
  return {
    name,
    session: make(),
    store,
    secrets,
    database,
    calls,
    clock,
    offline,
    restart: make,
    dispose: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
