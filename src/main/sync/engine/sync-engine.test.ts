import { describe, expect, it } from 'vitest';
import { addPost, changelog, NOW, post, testbed } from './engine-testbed';
import type { SimulatedDevice } from './simulated-device';
import { SYNCED_TABLES } from './synced-tables';

const bed = testbed();
const { device, pair } = bed;

describe('change capture (triggers)', () => {
  it('captures nothing until the first sync, which adopts the account’s data, then queues local rows once', async () => {
    const a = await device();
    addPost(a, 'before-sync');
    a.run(
      `insert into profile (id, name, niche, platforms, timezone, goal_metric, goal_target, goal_deadline,
         cadence_posts_per_week, cadence_days, created_at, updated_at)
       values (1, 'Ada', 'baking', '[]', 'UTC', 'followers', 100, '2027-01-01', 3, '[]', ?, ?)`,
      NOW,
      NOW,
    );
    await a.engine.createKeyring('passphrase one');
    expect(changelog(a)).toEqual([]);
    // One change per existing row.
    expect(await a.engine.syncNow()).toMatchObject({ pushed: 2, pulled: 0 });

    // B had its own profile and post before joining: the account's profile wins, B's post is added.
    const b = await device();
    addPost(b, 'from-b-before-sync');
    b.run(
      `insert into profile (id, name, niche, platforms, timezone, goal_metric, goal_target, goal_deadline,
         cadence_posts_per_week, cadence_days, created_at, updated_at)
       values (1, 'Stale', 'old', '[]', 'UTC', 'followers', 5, '2026-01-01', 1, '[]', ?, ?)`,
      NOW,
      NOW,
    );
    await b.engine.unlock('passphrase one');
    await b.engine.syncNow();
    await a.engine.syncNow();
    expect(post(b, 'before-sync')).toMatchObject({ title: 'Title', body: 'Body' });
    expect(post(a, 'from-b-before-sync')).toBeDefined();
    expect(b.snapshot()).toEqual(a.snapshot());
    expect(a.snapshot().profile).toMatchObject([{ name: 'Ada', niche: 'baking' }]);
  });

  it('logs every synced column on insert, only changed columns on update, a tombstone on delete; never seq or version', async () => {
    const [a] = await pair();
    addPost(a, 'p1');
    a.run(`update posts set title = 'New', body = 'Body', version = version + 1 where id = 'p1'`);
    a.run(`delete from posts where id = 'p1'`);
    const rows = changelog(a);
    const inserted = rows.filter((r) => r.op === 'insert').map((r) => r.column_name);
    expect(inserted).toEqual(SYNCED_TABLES[0]!.columns);
    expect(inserted).not.toContain('seq');
    expect(inserted).not.toContain('version');
    expect(rows.filter((r) => r.op === 'update')).toEqual([{ op: 'update', column_name: 'title', value: 'New' }]);
    expect(rows.filter((r) => r.op === 'delete')).toEqual([{ op: 'delete', column_name: null, value: null }]);
  });

  it('has triggers for exactly the engine’s synced columns on every synced table', async () => {
    const [a] = await pair();
    const triggers = a.database.raw
      .prepare(`select tbl_name, sql from sqlite_master where type = 'trigger' and name like 'sync_%_after_update'`)
      .all() as { tbl_name: string; sql: string }[];
    expect(triggers.map((t) => t.tbl_name).sort()).toEqual(SYNCED_TABLES.map((t) => t.table).sort());
    for (const spec of SYNCED_TABLES) {
      const sqlText = triggers.find((t) => t.tbl_name === spec.table)!.sql;
      const logged = [...sqlText.matchAll(/'update', '([a-z_]+)'/g)].map((m) => m[1]);
      expect(logged).toEqual([...spec.columns]);
    }
  });

  it('interleaves safely with app transactions (Kysely) running at the same time', async () => {
    const [a, b] = await pair();
    const writes = Array.from({ length: 10 }, (_, i) =>
      a.database.transaction(async (tx) => {
        await tx
          .insertInto('posts')
          .values({
            id: `tx-${i}`,
            title: 'first',
            body: '',
            status: 'draft',
            tags: '[]',
            platforms: '[]',
            scheduled_at: null,
            created_at: NOW,
            updated_at: NOW,
            version: 1,
            deleted_at: null,
          })
          .execute();
        await new Promise((resolve) => setTimeout(resolve, 2));
        await tx
          .updateTable('posts')
          .set({ title: `final ${i}` })
          .where('id', '=', `tx-${i}`)
          .execute();
      }),
    );
    const syncs = Array.from({ length: 5 }, () => a.engine.syncNow());
    await Promise.all([...writes, ...syncs]);
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(b.snapshot()).toEqual(a.snapshot());
    expect(b.snapshot().posts!.filter((p) => String(p.title).startsWith('final'))).toHaveLength(10);
  });

  it('does not echo applied remote changes back into the log', async () => {
    const [a, b] = await pair();
    addPost(a, 'p1');
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(post(b, 'p1')).toBeDefined();
    expect(changelog(b)).toEqual([]);
    // The app's own triggers (search index) still see remote rows.
    expect(b.database.raw.prepare(`select count(*) from posts_fts where posts_fts match 'Title'`).pluck().get()).toBe(
      1,
    );
    expect(b.engine.state().pending).toBe(0);
  });

  it('local writes succeed while offline and sync later', async () => {
    const [a, b] = await pair();
    bed.server.setOnline(a.id, false);
    addPost(a, 'offline-post');
    await expect(a.engine.syncNow()).rejects.toMatchObject({ code: 'network' });
    expect(a.engine.state()).toMatchObject({ phase: 'offline', pending: 1 });
    expect(a.engine.state().lastError?.code).toBe('network');
    bed.server.setOnline(a.id, true);
    expect(await a.engine.syncNow()).toMatchObject({ pushed: 1 });
    expect(a.engine.state()).toMatchObject({ phase: 'idle', pending: 0, lastError: null });
    await b.engine.syncNow();
    expect(post(b, 'offline-post')).toBeDefined();
  });
});

describe('merging', () => {
  it('merges concurrent edits of different fields of one post', async () => {
    const [a, b] = await pair();
    addPost(a, 'p1');
    await a.engine.syncNow();
    await b.engine.syncNow();
    a.run(`update posts set title = 'Title from A' where id = 'p1'`);
    b.run(`update posts set body = 'Body from B' where id = 'p1'`);
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();
    for (const d of [a, b]) expect(post(d, 'p1')).toMatchObject({ title: 'Title from A', body: 'Body from B' });
  });

  it('the later write of the same field wins on both devices, and the conflict is counted', async () => {
    const [a, b] = await pair();
    addPost(a, 'p1');
    await a.engine.syncNow();
    await b.engine.syncNow();
    a.run(`update posts set title = 'earlier' where id = 'p1'`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    b.run(`update posts set title = 'later' where id = 'p1'`);
    await b.engine.syncNow();
    const result = await a.engine.syncNow();
    // A's unsynced "earlier" was replaced by B's later value.
    expect(result.conflictsResolved).toBe(1);
    await b.engine.syncNow();
    expect(post(a, 'p1')!.title).toBe('later');
    expect(post(b, 'p1')!.title).toBe('later');
    // B pulled A's older value and kept its own: also a conflict resolved.
    expect(b.engine.state().conflictsResolved).toBe(1);
    expect(a.engine.state().conflictsResolved).toBe(1);
  });

  it('bumps the local version of a post changed remotely, so a stale editor save is caught', async () => {
    const [a, b] = await pair();
    addPost(a, 'p1');
    await a.engine.syncNow();
    await b.engine.syncNow();
    const before = post(b, 'p1')!.version as number;
    a.run(`update posts set title = 'changed' where id = 'p1'`);
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(post(b, 'p1')!.version).toBe(before + 1);
  });

  it('a delete wins over concurrent and later field updates', async () => {
    const [a, b] = await pair();
    addPost(a, 'p1');
    await a.engine.syncNow();
    await b.engine.syncNow();
    a.run(`delete from posts where id = 'p1'`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    b.run(`update posts set title = 'edited after the delete' where id = 'p1'`);
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();
    expect(post(a, 'p1')).toBeUndefined();
    expect(post(b, 'p1')).toBeUndefined();
    expect(b.engine.state().conflictsResolved).toBe(1);
  });

  it('a row created again after a delete (same id) comes back everywhere', async () => {
    const [a, b] = await pair();
    a.run(
      `insert into templates (id, name, structure, variables, format, created_at, updated_at) values ('hook', 'Hook', 'x', '[]', 'post', ?, ?)`,
      NOW,
      NOW,
    );
    await a.engine.syncNow();
    await b.engine.syncNow();
    b.run(`delete from templates where id = 'hook'`);
    await b.engine.syncNow();
    await a.engine.syncNow();
    expect(a.database.raw.prepare(`select 1 from templates where id = 'hook'`).get()).toBeUndefined();
    a.run(
      `insert into templates (id, name, structure, variables, format, created_at, updated_at) values ('hook', 'Hook again', 'y', '[]', 'post', ?, ?)`,
      NOW,
      NOW,
    );
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(b.database.raw.prepare(`select name from templates where id = 'hook'`).get()).toEqual({
      name: 'Hook again',
    });
  });

  it('a row whose parent has not arrived waits in the shadow store and appears once it can', async () => {
    const [a, b] = await pair();
    addPost(a, 'p1');
    a.run(
      `insert into ideas (id, topic, source_kind, source_post_id, platforms, created_at) values ('i1', 'Topic', 'post', 'p1', '[]', ?)`,
      NOW,
    );
    a.run(`insert into post_origins (post_id, idea_id, variant_label) values ('p1', 'i1', 'A')`);
    await a.engine.syncNow();
    // Deliver children before their parents: reverse the server's log.
    bed.server.log.reverse();
    bed.server.log.forEach((entry, index) => (entry.seq = index + 1));
    await b.engine.syncNow();
    expect(b.database.raw.prepare(`select post_id, idea_id, variant_label from post_origins`).all()).toEqual([
      { post_id: 'p1', idea_id: 'i1', variant_label: 'A' },
    ]);
    expect(b.database.raw.prepare(`select source_post_id from ideas where id = 'i1'`).get()).toEqual({
      source_post_id: 'p1',
    });
    expect(b.database.raw.prepare('select count(*) as n from sync_shadow').get()).toEqual({ n: 0 });
  });

  it('keeps a change without its required fields in the shadow store until they arrive', async () => {
    const [a, b] = await pair();
    addPost(a, 'p1');
    await a.engine.syncNow();
    // Only the later update reaches B first: the row cannot be created from a title alone.
    a.run(`update posts set title = 'second' where id = 'p1'`);
    await a.engine.syncNow();
    const [insert, update] = bed.server.log.splice(0, 2);
    bed.server.log.push(update!, insert!);
    bed.server.log.forEach((entry, index) => (entry.seq = index + 1));
    bed.server.visibleCount = 1;
    await b.engine.syncNow();
    expect(post(b, 'p1')).toBeUndefined();
    expect(b.database.raw.prepare(`select column_name, value from sync_shadow`).all()).toEqual([
      { column_name: 'title', value: 'second' },
    ]);
    bed.server.visibleCount = null;
    await b.engine.syncNow();
    expect(post(b, 'p1')).toMatchObject({ title: 'second', body: 'Body' });
    expect(b.database.raw.prepare('select count(*) as n from sync_shadow').get()).toEqual({ n: 0 });
  });

  it('two devices creating the same custom phrase end up showing the same one (smaller id)', async () => {
    const [a, b] = await pair();
    const add = (d: SimulatedDevice, id: string) =>
      d.run(
        `insert into voice_custom_commands (id, phrase, language, intents, origin, created_at) values (?, 'post it', 'en', '[]', 'manual', ?)`,
        id,
        NOW,
      );
    add(a, 'cmd-b');
    add(b, 'cmd-a');
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();
    const rows = (d: SimulatedDevice) => d.database.raw.prepare('select id, phrase from voice_custom_commands').all();
    expect(rows(a)).toEqual([{ id: 'cmd-a', phrase: 'post it' }]);
    expect(rows(b)).toEqual([{ id: 'cmd-a', phrase: 'post it' }]);
    // The other waits, and appears once the winner is removed.
    b.run(`delete from voice_custom_commands where id = 'cmd-a'`);
    await b.engine.syncNow();
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(rows(a)).toEqual([{ id: 'cmd-b', phrase: 'post it' }]);
    expect(rows(b)).toEqual([{ id: 'cmd-b', phrase: 'post it' }]);
  });

  it('re-reading the whole log changes nothing (idempotent apply)', async () => {
    const [a, b] = await pair();
    addPost(a, 'p1');
    a.run(`update posts set title = 'two' where id = 'p1'`);
    await a.engine.syncNow();
    await b.engine.syncNow();
    const before = b.snapshot();
    b.run('update sync_state set cursor = null');
    await b.engine.syncNow();
    expect(b.snapshot()).toEqual(before);
    expect(b.engine.state().conflictsResolved).toBe(0);
  });
});
