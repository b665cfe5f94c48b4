import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDatabase, copyDatabaseFile } from '../../db/database';
import { listAppliedMigrations, migrateToLatest } from '../../db/migrate';

const FIXTURE = new URL('../../db/fixtures/pre-search.sqlite', import.meta.url).pathname;
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function migratedFixture(): Promise<AppDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'cadence-llm-migrate-'));
  folders.push(folder);
  const path = join(folder, 'cadence.db');
  copyDatabaseFile(FIXTURE, path);
  const database = AppDatabase.open(path);
  const report = await migrateToLatest(database);
  expect(report.applied).toContain('004-create-llm-usage');
  return database;
}

describe('004-create-llm-usage', () => {
  it('adds llm_usage and llm_settings to an existing database, keeping its data', async () => {
    const database = await migratedFixture();
    expect(listAppliedMigrations(database).map((m) => m.name)).toContain('004-create-llm-usage');
    expect(database.raw.prepare('select name from profile').pluck().get()).toBe('Ada');
    expect(database.raw.prepare('select count(*) from llm_usage').pluck().get()).toBe(0);
    expect(database.raw.prepare('select count(*) from llm_settings').pluck().get()).toBe(0);
    await database.close();
  });

  it('refuses rows the app must never write: bad outcome, error without kind, rating out of 1..5, second settings row', async () => {
    const database = await migratedFixture();
    const insert = (outcome: string, errorKind: string | null, rating: number | null) =>
      database.raw
        .prepare(
          `insert into llm_usage (request_id, task, provider, model, location, fallback_position, outcome, error_kind,
             rating, created_at) values ('r', 'drafting', 'ollama', 'm', 'local', 0, ?, ?, ?, '2026-11-25T10:00:00Z')`,
        )
        .run(outcome, errorKind, rating);
    expect(() => insert('ok', null, 5)).not.toThrow();
    expect(() => insert('maybe', null, null)).toThrow(/CHECK/);
    expect(() => insert('error', null, null)).toThrow(/CHECK/);
    expect(() => insert('ok', 'timeout', null)).toThrow(/CHECK/);
    expect(() => insert('ok', null, 6)).toThrow(/CHECK/);
    const settings = database.raw.prepare("insert into llm_settings (id, policy, updated_at) values (?, '{}', 'x')");
    expect(() => settings.run(1)).not.toThrow();
    expect(() => settings.run(2)).toThrow(/CHECK/);
    await database.close();
  });
});
