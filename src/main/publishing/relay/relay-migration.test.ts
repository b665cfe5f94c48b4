import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { migrations } from '../../db/migrations';

const databases: AppDatabase[] = [];
afterEach(async () => {
  for (const database of databases.splice(0)) await database.close();
});

/** Every migration before 014: the schema a user has before the relay arrives. */
const before014 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '014'));

describe('migration 014-add-publish-relay', () => {
  it('keeps every job and its history, accepts `relayed`, and keeps the queue indexes and cascades', async () => {
    const database = AppDatabase.open(':memory:');
    databases.push(database);
    await migrateToLatest(database, before014);
    const raw = database.raw;
    const now = '2026-11-25T10:00:00.000Z';
    const postId = randomUUID();
    raw
      .prepare(
        `insert into posts (id, title, body, status, platforms, tags, created_at, updated_at)
         values (?, 'T', 'Body', 'scheduled', '["mastodon"]', '[]', ?, ?)`,
      )
      .run(postId, now, now);
    const jobId = randomUUID();
    raw
      .prepare(
        `insert into publish_jobs (id, post_id, platform, idempotency_key, due_at, status, attempts, created_at, updated_at)
         values (?, ?, 'mastodon', ?, ?, 'queued', 0, ?, ?)`,
      )
      .run(jobId, postId, `key-${jobId}`, now, now, now);
    raw
      .prepare(`insert into publish_events (job_id, at, step, detail) values (?, ?, 'queued', 'Scheduled')`)
      .run(jobId, now);
    expect(() => raw.prepare("update publish_jobs set status = 'relayed' where id = ?").run(jobId)).toThrow(/CHECK/);

    const report = await migrateToLatest(database);
    expect(report.applied).toEqual(['014-add-publish-relay', '015-add-publish-job-slot']);
    expect(raw.prepare('select id, status, idempotency_key from publish_jobs').all()).toEqual([
      { id: jobId, status: 'queued', idempotency_key: `key-${jobId}` },
    ]);
    expect(raw.prepare('select job_id, step, detail from publish_events').all()).toEqual([
      { job_id: jobId, step: 'queued', detail: 'Scheduled' },
    ]);
    raw.prepare("update publish_jobs set status = 'relayed' where id = ?").run(jobId);
    expect(() => raw.prepare("update publish_jobs set status = 'teleported' where id = ?").run(jobId)).toThrow(/CHECK/);

    const indexes = raw
      .prepare(
        "select name from sqlite_master where type = 'index' and tbl_name in ('publish_jobs','publish_events') and name not like 'sqlite_%' order by name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual([
      'publish_events_job',
      'publish_jobs_due',
      'publish_jobs_live',
      'publish_jobs_post',
      'publish_jobs_runnable_at',
    ]);
    // A second live job for the same post and platform is still refused.
    expect(() =>
      raw
        .prepare(
          `insert into publish_jobs (id, post_id, platform, idempotency_key, due_at, status, created_at, updated_at)
           values (?, ?, 'mastodon', ?, ?, 'queued', ?, ?)`,
        )
        .run(randomUUID(), postId, 'another-key', now, now, now),
    ).toThrow(/UNIQUE/);
    raw
      .prepare('insert into publish_relay_handoffs (job_id, server_url, handed_at, updated_at) values (?, ?, ?, ?)')
      .run(jobId, 'http://sync', now, now);
    // Deleting the post still takes its jobs, their events and the hand-off with it.
    raw.prepare('delete from posts where id = ?').run(postId);
    for (const table of ['publish_jobs', 'publish_events', 'publish_relay_handoffs']) {
      expect(raw.prepare(`select count(*) from ${table}`).pluck().get()).toBe(0);
    }
    expect(raw.prepare('pragma foreign_key_check').all()).toEqual([]);
  });
});
