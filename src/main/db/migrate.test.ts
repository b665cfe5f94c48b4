import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyDatabaseFile, AppDatabase } from './database';
import { listAppliedMigrations, migrateToLatest } from './migrate';
import { migrations } from './migrations';

const FIXTURE = new URL('./fixtures/pre-search.sqlite', import.meta.url).pathname;
const folders: string[] = [];

function tempDbPath(): string {
  const folder = mkdtempSync(join(tmpdir(), 'cadence-migrate-'));
  folders.push(folder);
  return join(folder, 'cadence.db');
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are named NNN-verb-noun and registered in order', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    for (const name of names) expect(name).toMatch(/^\d{3}-[a-z]+(-[a-z]+)+$/);
  });

  it('build the whole schema on an empty database, and a second open changes nothing', async () => {
    const path = tempDbPath();
    const database = AppDatabase.open(path);
    const report = await migrateToLatest(database);
    expect(report.applied).toEqual(Object.keys(migrations));
    expect(report.backupPath).toBeNull();
    const tables = database.raw
      .prepare("select name from sqlite_master where type in ('table') and name not like 'sqlite_%' order by name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['posts', 'post_revisions', 'posts_fts', 'profile']));
    expect(await migrateToLatest(database)).toEqual({ applied: [], backupPath: null });
    await database.close();
  });

  it('upgrade the pre-search fixture: data kept, search backfilled, the old file copied aside', async () => {
    const path = tempDbPath();
    copyDatabaseFile(FIXTURE, path);
    const database = AppDatabase.open(path);
    const report = await migrateToLatest(database);

    expect(report.applied).toEqual([
      '003-add-post-search',
      '004-create-llm-usage',
      '005-add-search-prefixes',
      '006-create-analytics',
      '007-create-coach',
      '008-create-reports',
      '009-create-content-studio',
      '010-create-publishing',
      '011-add-publish-job-indexes',
      '012-create-voice',
      '013-create-sync',
      '014-add-publish-relay',
      '015-add-publish-job-slot',
    ]);
    expect(report.backupPath).toBe(`${path}.before-003-add-post-search.bak`);
    expect(existsSync(report.backupPath!)).toBe(true);
    expect(listAppliedMigrations(database).map((m) => m.name)).toEqual(Object.keys(migrations));

    const profile = database.raw.prepare('select name, timezone from profile').get();
    expect(profile).toEqual({ name: 'Ada', timezone: 'Europe/Berlin' });
    const found = database.raw
      .prepare(
        "select posts.title from posts_fts join posts on posts.seq = posts_fts.rowid where posts_fts match 'crumb'",
      )
      .pluck()
      .all();
    expect(found).toEqual(['Crumb shots']);
    expect(database.raw.prepare('select count(*) from post_revisions').pluck().get()).toBe(2);

    // Analytics hangs off the posts that were already there: a publication of an old post, its
    // snapshot, and a wrong platform refused by the table itself.
    const postId = database.raw.prepare("select id from posts where title = 'Crumb shots'").pluck().get();
    database.raw
      .prepare(
        "insert into post_publications (post_id, platform, published_at) values (?, 'x', '2026-01-02T09:00:00Z')",
      )
      .run(postId);
    database.raw
      .prepare("insert into post_metrics (publication_id, captured_at, likes) values (1, '2026-01-03T09:00:00Z', 12)")
      .run();
    expect(() =>
      database.raw
        .prepare("insert into post_publications (post_id, platform, published_at) values (?, 'myspace', 'x')")
        .run(postId),
    ).toThrow(/CHECK constraint/);

    // The content studio links old posts too: an idea and where the post came from.
    database.raw
      .prepare(
        "insert into ideas (id, topic, source_kind, platforms, created_at) values ('i1', 'crumb', 'topic', '[\"x\"]', '2026-01-01T00:00:00Z')",
      )
      .run();
    database.raw
      .prepare("insert into post_origins (post_id, idea_id, variant_label) values (?, 'i1', 'A')")
      .run(postId);
    expect(database.raw.prepare('select idea_id from post_origins where post_id = ?').pluck().get(postId)).toBe('i1');
    await database.close();

    const backup = AppDatabase.open(report.backupPath!);
    expect(listAppliedMigrations(backup).map((m) => m.name)).toEqual(['001-create-profile', '002-create-posts']);
    await backup.close();
  });

  it('roll back every pending migration when one fails', async () => {
    const path = tempDbPath();
    copyDatabaseFile(FIXTURE, path);
    const database = AppDatabase.open(path);
    const broken = {
      ...migrations,
      '004-break-things': {
        up: async () => {
          throw new Error('boom');
        },
      },
    };
    await expect(migrateToLatest(database, broken)).rejects.toThrow(/004-break-things failed; nothing was changed/);
    expect(listAppliedMigrations(database).map((m) => m.name)).toEqual(['001-create-profile', '002-create-posts']);
    const ftsExists = database.raw.prepare("select count(*) from sqlite_master where name = 'posts_fts'").pluck().get();
    expect(ftsExists).toBe(0);
    await database.close();
  });
});
