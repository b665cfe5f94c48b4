import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDatabase, copyDatabaseFile } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { SyncLocalStore } from './local-store';

/** Migration 013 on a library that existed before sync: nothing captured until sync is turned on. */

const FIXTURE = new URL('../../db/fixtures/pre-search.sqlite', import.meta.url).pathname;
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function upgradedFixture(): Promise<AppDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'cadence-sync-migration-'));
  folders.push(folder);
  const path = join(folder, 'cadence.db');
  copyDatabaseFile(FIXTURE, path);
  const database = AppDatabase.open(path);
  await migrateToLatest(database);
  return database;
}

describe('migration 013-create-sync', () => {
  it('adds the sync tables with capture off, so a library that never syncs grows no log', async () => {
    const database = await upgradedFixture();
    const store = new SyncLocalStore(database.raw);
    expect(store.mode()).toBe(0);
    expect(store.state()).toEqual({ cursor: null, clock: null, last_synced_at: null, conflicts_resolved: 0 });
    database.raw.prepare(`update posts set title = 'Edited before sync'`).run();
    database.raw
      .prepare(`delete from posts where title = 'Edited before sync' and rowid = (select min(rowid) from posts)`)
      .run();
    expect(database.raw.prepare('select count(*) from sync_changelog').pluck().get()).toBe(0);
    await database.close();
  });

  it('turning capture on queues every existing synced row once, grouped by row', async () => {
    const database = await upgradedFixture();
    const store = new SyncLocalStore(database.raw);
    const posts = database.raw.prepare('select count(*) from posts').pluck().get() as number;
    const profiles = database.raw.prepare('select count(*) from profile').pluck().get() as number;
    expect(posts).toBeGreaterThan(0);
    expect(profiles).toBe(1);

    expect(store.enableCapture()).toBe(true);
    expect(store.enableCapture()).toBe(false);
    const rows = database.raw
      .prepare(`select count(distinct table_name || ':' || row_id) from sync_changelog where op = 'insert'`)
      .pluck()
      .get();
    expect(rows).toBe(posts + profiles);
    // Each row's fields are consecutive, so the engine stamps one change per row.
    const order = database.raw.prepare('select table_name, row_id from sync_changelog order by id').all() as {
      table_name: string;
      row_id: string;
    }[];
    const runs = order.filter(
      (r, i) => i === 0 || r.row_id !== order[i - 1]!.row_id || r.table_name !== order[i - 1]!.table_name,
    );
    expect(runs).toHaveLength(posts + profiles);
    expect(store.pendingCount()).toBe(posts + profiles);
    await database.close();
  });
});
