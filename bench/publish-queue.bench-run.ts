import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { it } from 'vitest';
import { createCore } from '../src/main/core';
import { newJobRow } from '../src/main/publishing/new-job-row';
import type { ClockPort } from '../src/main/platform/clock/types';
import type { ManualClock } from '../src/main/platform/clock/memory';
import { JobRepository } from '../src/main/publishing/queue/job.repository';
import {
  connectAccount,
  ScriptedPlatform,
  scriptedPorts,
} from '../src/main/publishing/queue/scripted-connector.test-support';
import type { Post } from '../src/shared/domain/post';
import { record } from './bench-record';
import { benchPorts } from './support/ports';
import { percentile } from './support/stats';

const JOBS = Number(process.env.BENCH_PUBLISH_JOBS ?? 10_000);
/** Clock seconds per real second: an hour of jobs in two minutes by default. */
const SCALE = Number(process.env.BENCH_PUBLISH_SCALE ?? 30);
const LATENCY_MS = 5;
const START = '2026-06-15T09:00:00.000Z';

/** The system clock, sped up: clock time runs SCALE times faster than real time. */
class CompressedClock implements ClockPort {
  private readonly realStart = performance.now();
  constructor(
    private readonly start: number,
    private readonly scale: number,
  ) {}
  now(): Date {
    return new Date(this.start + (performance.now() - this.realStart) * this.scale);
  }
}

/**
 * The machine's own lateness for the same due times, with no queue: one timer to the next due time,
 * every due job handed to the same 5 ms connector at once. The machine is shared, so the queue's
 * figures are read against this floor measured in the same run (the first 10 clock minutes).
 */
async function rawBaseline(dues: number[], start: number): Promise<number[]> {
  const clock = new CompressedClock(start, SCALE);
  const windowEnd = start + 1_000 + 600_000;
  const pending = dues.filter((d) => d < windowEnd).sort((a, b) => a - b);
  const lateness: number[] = [];
  const inflight: Promise<void>[] = [];
  let next = 0;
  await new Promise<void>((done) => {
    const fire = (): void => {
      const now = clock.now().getTime();
      while (next < pending.length && pending[next]! <= now) {
        lateness.push(now - pending[next]!);
        next += 1;
        inflight.push(new Promise((r) => setTimeout(r, LATENCY_MS)));
      }
      if (next >= pending.length) return done();
      setTimeout(fire, Math.max(0, Math.ceil((pending[next]! - clock.now().getTime()) / SCALE)));
    };
    fire();
  });
  await Promise.all(inflight);
  return lateness;
}

async function seedJobs(
  core: Awaited<ReturnType<typeof createCore>>,
  count: number,
  dueAt: (i: number) => string,
): Promise<void> {
  const jobs = new JobRepository(core.database.db);
  const now = core.ports.clock.now().toISOString();
  await core.database.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const post: Post = {
        id: randomUUID(),
        title: '',
        body: `Bench post ${i}`,
        status: 'scheduled',
        tags: [],
        platforms: ['mastodon'],
        scheduledAt: dueAt(i),
        createdAt: now,
        updatedAt: now,
        version: 1,
        deletedAt: null,
      };
      await core.services.posts.repository.insert(post, tx);
      await jobs.insert(
        newJobRow({ postId: post.id, platform: 'mastodon', accountId: null, dueAt: dueAt(i), now }),
        tx,
      );
    }
  });
}

it('publish queue: 10k jobs due across an hour, time compressed', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cadence-bench-publish-'));
  try {
    const ports = benchPorts(dataDir, START);
    const core = await createCore(ports, { llm: { ollama: 'off', embedded: 'off' } });
    await connectAccount(core, 'mastodon');
    const hourStart = Date.parse(START) + 120_000;
    let seed = 42;
    const rand = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const dues = Array.from({ length: JOBS }, () => new Date(hourStart + Math.floor(rand() * 3_600_000)).toISOString());
    await seedJobs(core, JOBS, (i) => dues[i]!);

    // Starts a clock second before the hour's first minute of dues.
    const raw = await rawBaseline(
      dues.map((d) => Date.parse(d)),
      hourStart - 1_000,
    );
    const rawNote = `no queue: one timer, same due times (first 10 clock minutes, n=${raw.length}) at ${SCALE}x`;
    record({
      bench: 'publish.queue.raw_lateness_p50_ms',
      value: percentile(raw, 50),
      unit: 'ms',
      n: raw.length,
      note: rawNote,
    });
    record({
      bench: 'publish.queue.raw_lateness_p99_ms',
      value: percentile(raw, 99),
      unit: 'ms',
      n: raw.length,
      note: rawNote,
    });

    const clock = new CompressedClock(Date.parse(START), SCALE);
    (core.ports as { clock: ClockPort }).clock = clock;
    const platform = new ScriptedPlatform('mastodon');
    platform.latencyMs = LATENCY_MS;
    const connector = platform.connector();
    const dueByKey = new Map<string, number>();
    const lateness: number[] = [];
    for (const row of await core.database.db
      .selectFrom('publish_jobs')
      .select(['idempotency_key', 'due_at'])
      .execute()) {
      dueByKey.set(row.idempotency_key, Date.parse(row.due_at));
    }
    const queuePorts = scriptedPorts(platform);
    queuePorts.connectors = (p) =>
      p === 'mastodon'
        ? {
            ...connector,
            publish: (ctx, request) => {
              lateness.push(clock.now().getTime() - dueByKey.get(request.idempotencyKey)!);
              return connector.publish(ctx, request);
            },
          }
        : null;
    // The core's own wiring, rebuilt over the compressed clock. The core's publishing domain is
    // closed first: left running on the hand-set clock, its metrics collector found the hour's
    // publications due on every tick and read all of them once a second (10-40 ms each, on the
    // event loop the measured queue shares), which no app runs (it has one domain, one clock).
    await core.domains.publishing.close();
    const { createPublishing } = await import('../src/main/publishing/publishing.setup');
    const publishing = createPublishing(
      {
        ports: core.ports,
        database: core.database,
        events: core.events,
        llm: core.services.llm,
        posts: core.services.posts,
        profile: core.services.profile,
      },
      { runner: { timeScale: SCALE } },
    );
    publishing.start();
    await publishing.ready();
    // How long the event loop was held up while the queue ran (what a timer-driven queue waits on).
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    publishing.attach(queuePorts);
    const endAt = hourStart + 3_600_000 + 10_000;
    while (clock.now().getTime() < endAt && platform.posts.length < JOBS) await new Promise((r) => setTimeout(r, 200));
    loopDelay.disable();
    await publishing.close();

    const keys = [...dueByKey.keys()];
    const duplicates = keys.filter((k) => platform.copies(k) > 1).length;
    const lost = keys.filter((k) => platform.copies(k) === 0).length;
    const note = `${JOBS} jobs over 1 h at ${SCALE}x (clock ms), scripted connector ${LATENCY_MS} ms`;
    record({
      bench: 'publish.queue.lateness_p50_ms',
      value: percentile(lateness, 50),
      unit: 'ms',
      n: lateness.length,
      note,
    });
    record({
      bench: 'publish.queue.lateness_p99_ms',
      value: percentile(lateness, 99),
      unit: 'ms',
      target: '<=1000',
      n: lateness.length,
      note,
    });
    record({
      bench: 'publish.queue.event_loop_delay_p99_ms',
      value: Math.round((loopDelay.percentile(99) / 1e6) * 10) / 10,
      unit: 'ms',
      note: `real ms the event loop was late (monitorEventLoopDelay, 10 ms resolution) while the queue ran; max ${Math.round(loopDelay.max / 1e6)} ms`,
    });
    record({ bench: 'publish.queue.duplicates', value: duplicates, unit: 'count', target: '<=0', n: JOBS, note });
    record({ bench: 'publish.queue.lost', value: lost, unit: 'count', target: '<=0', n: JOBS, note });
    await core.close();

    // Overhead: the queue's own work per job (claim, sending, commit with publication and post),
    // all due at once, a connector that answers at once, one at a time.
    const overheadDir = mkdtempSync(join(tmpdir(), 'cadence-bench-publish-'));
    try {
      const ports2 = benchPorts(overheadDir, START);
      const core2 = await createCore(ports2, { llm: { ollama: 'off', embedded: 'off' } });
      await connectAccount(core2, 'mastodon');
      const n = Math.min(2000, JOBS);
      await seedJobs(core2, n, () => START);
      (ports2.clock as ManualClock).advance(1000);
      const runner = core2.domains.publishing.attach(scriptedPorts(new ScriptedPlatform('mastodon')), {
        timer: false,
        concurrency: 1,
      });
      const t0 = performance.now();
      await runner.runDue();
      const ms = performance.now() - t0;
      record({
        bench: 'publish.queue.overhead_per_job_ms',
        value: ms / n,
        unit: 'ms',
        n,
        note: 'runDue over jobs all due, 0 ms connector, concurrency 1',
      });
      await core2.close();
    } finally {
      rmSync(overheadDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 600_000);
