import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { deadUrl } from '../../../test/peers/ollama/dead-url';
import type { BulkJobDetail } from '../../shared/domain/bulk';
import { DATABASE_FILE } from '../core';
import { testModelPath } from '../llm/models/test-models';
import { addDays } from './plan-dates';
import { type RunningHost, startHost } from './bulk.host.test-support';

const dataDir = mkdtempSync(join(tmpdir(), 'cadence-bulk-kill-'));
let host: RunningHost | undefined;
afterAll(async () => {
  await host?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const today = new Date().toISOString().slice(0, 10);
const nextMonday = addDays(today, 7 - ((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7));

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 15));
  }
}

describe('bulk generation and a killed host (real SQLite, embedded engine, stories260K)', () => {
  it('survives a SIGKILL mid-way and resumes without duplicates', { timeout: 150_000 }, async () => {
    const env = { OLLAMA_HOST: await deadUrl() };
    host = await startHost(dataDir, env);
    await host.invoke('profile:save-profile', {
      name: 'Rosa',
      niche: 'sourdough baking',
      platforms: ['x'],
      timezone: 'UTC',
      goal: { metric: 'followers', target: 2000, deadline: addDays(today, 300) },
      cadence: { postsPerWeek: 5, days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    });
    await host.invoke('llm:set-embedded-model-file', { path: testModelPath('stories260k/stories260K.gguf') });
    await host.invoke('llm:save-settings', { chains: { drafting: [{ provider: 'embedded', model: 'stories260K' }] } });

    // TikTok's draft budget is the smallest (250 tokens): the tiny model rarely stops on its own.
    const plan = await host.invoke<BulkJobDetail>('bulk:plan', {
      platforms: ['tiktok'],
      niche: 'sourdough baking',
      postsPerWeek: 5,
      from: nextMonday,
      weeks: 2,
    });
    const jobId = plan.job.id;
    expect(plan.items).toHaveLength(10);
    await host.invoke('bulk:start', { jobId });

    const running = host;
    const atKill = await until(
      () => running.invoke<BulkJobDetail>('bulk:get-job', { jobId }),
      (d) => d.job.counts.done >= 2,
      40_000,
    );
    await host.kill();
    const doneAtKill = atKill.job.counts.done;
    expect(doneAtKill, 'the kill must come mid-way').toBeGreaterThanOrEqual(2);
    expect(doneAtKill, 'the kill must come mid-way').toBeLessThan(10);

    host = await startHost(dataDir, env);
    const resumed = host;
    const finished = await until(
      () => resumed.invoke<BulkJobDetail>('bulk:get-job', { jobId }).then((d) => d.job),
      (job) => job.status === 'done',
      90_000,
    );
    expect(finished.status).toBe('done');
    await host.stop();
    host = undefined;

    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      const items = db.prepare('select id, status, post_id from bulk_items where job_id = ?').all(jobId) as {
        id: number;
        status: string;
        post_id: string | null;
      }[];
      const posts = db.prepare('select id from posts where deleted_at is null').all() as { id: string }[];
      const origins = db.prepare('select post_id, bulk_item_id from post_origins').all() as {
        post_id: string;
        bulk_item_id: number;
      }[];
      const perItem = db
        .prepare('select bulk_item_id, count(*) as n from post_origins group by bulk_item_id having n > 1')
        .all();

      expect(items).toHaveLength(10);
      expect(items.every((i) => i.status === 'done' && i.post_id !== null)).toBe(true);
      expect(posts).toHaveLength(items.length);
      expect(new Set(items.map((i) => i.post_id)).size).toBe(items.length);
      expect(perItem).toEqual([]);
      expect(origins.map((o) => o.bulk_item_id).sort()).toEqual(items.map((i) => i.id).sort());
      for (const item of items) expect(origins.find((o) => o.bulk_item_id === item.id)?.post_id).toBe(item.post_id);
      expect(posts.map((p) => p.id).sort()).toEqual(items.map((i) => i.post_id).sort());
    } finally {
      db.close();
    }
  });
});
