import { randomBytes, randomUUID } from 'node:crypto';
import { it } from 'vitest';
import { record, recordMissing } from './bench-record';
import { percentile } from './support/stats';
import { type BenchDevice, type BenchInstance, startBenchSyncServer } from './support/sync-server';
import { seededRandom, fieldChange } from './support/sync-changes';
import {
  BenchHlc,
  type LiveSocket,
  openChange,
  openLive,
  pull,
  push,
  sealChange,
  syncRoutesMissing,
} from './support/sync-protocol';

const ROUNDS = Number(process.env.BENCH_SYNC_CONVERGE_RAW_ROUNDS ?? 200);
const WARMUP = 10;
/** A round that has not converged by then counts as a timeout, not as a latency. */
const ROUND_TIMEOUT_MS = 5_000;
/** Pause between rounds, so each round measures a quiet system rather than a queue. */
const GAP_MS = 20;

interface Device extends BenchDevice {
  instance: BenchInstance;
}

/**
 * One round: A seals one field change and pushes it; B, holding the live channel, gets the
 * notice, pulls from its cursor until it has A's change, and opens it. Returns the time from A's
 * seal to B's decrypted change, or null on a timeout.
 */
async function round(
  key: Buffer,
  a: Device,
  aClock: BenchHlc,
  b: Device,
  live: LiveSocket,
  state: { cursor: string | null },
  random: () => number,
): Promise<number | null> {
  const started = performance.now();
  const hlc = aClock.next();
  await push(a.instance.url, a.token, [sealChange(key, hlc, fieldChange(random, [randomUUID()]))]);
  const deadline = started + ROUND_TIMEOUT_MS;
  for (;;) {
    const remaining = deadline - performance.now();
    if (remaining <= 0) return null;
    try {
      await live.nextChanged(remaining);
    } catch {
      return null;
    }
    let found = false;
    for (;;) {
      const page = await pull(b.instance.url, b.token, state.cursor);
      state.cursor = page.cursor;
      const mine = page.changes.find((change) => change.hlc === hlc);
      if (mine) {
        openChange(key, mine);
        found = true;
      }
      if (!page.hasMore) break;
    }
    if (found) return performance.now() - started;
  }
}

async function measure(
  key: Buffer,
  a: Device,
  b: Device,
  rounds: number,
): Promise<{ latencies: number[]; timeouts: number }> {
  const live = await openLive(b.instance.url, b.token);
  const aClock = new BenchHlc(a.deviceId);
  const state = { cursor: null as string | null };
  const random = seededRandom(7);
  const latencies: number[] = [];
  let timeouts = 0;
  try {
    for (let i = 0; i < WARMUP + rounds; i++) {
      const ms = await round(key, a, aClock, b, live, state, random);
      if (i >= WARMUP) {
        if (ms === null) timeouts += 1;
        else latencies.push(ms);
      }
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
  } finally {
    live.close();
  }
  return { latencies, timeouts };
}

it('sync converge, raw protocol: a change pushed by device A is in device B after the live notice', async () => {
  const server = await startBenchSyncServer({ instances: 2 });
  try {
    const [[first, second]] = (await server.createUsers(1, 2)) as [[BenchDevice, BenchDevice]];
    const [one, two] = server.instances as [BenchInstance, BenchInstance];
    const missing = await syncRoutesMissing(one.url, first.token);
    if (missing) {
      for (const name of ['raw_p50_ms', 'raw_p95_ms', 'raw_same_instance_p95_ms']) {
        recordMissing({ bench: `sync.converge.${name}`, unit: 'ms' }, missing);
      }
      return;
    }
    const key = randomBytes(32);
    // Behind a load balancer the two devices usually reach different instances: the notice then
    // crosses PostgreSQL LISTEN/NOTIFY. That is the main raw figure.
    const cross = await measure(key, { ...first, instance: one }, { ...second, instance: two }, ROUNDS);
    const same = await measure(key, { ...first, instance: one }, { ...second, instance: one }, Math.ceil(ROUNDS / 2));
    const how =
      'bare wire protocol (bench/support/sync-protocol.ts), no desktop engine: AES-256-GCM seal, push, live notice, pull from cursor, open (info: the service alone)';
    const timeouts = `${cross.timeouts} of ${ROUNDS} rounds timed out (>${ROUND_TIMEOUT_MS} ms)`;
    record({
      bench: 'sync.converge.raw_p50_ms',
      value: percentile(cross.latencies, 50),
      unit: 'ms',
      n: cross.latencies.length,
      note: `A on instance 1, B live on instance 2 (LISTEN/NOTIFY); ${how}; ${timeouts}`,
    });
    record({
      bench: 'sync.converge.raw_p95_ms',
      value: percentile(cross.latencies, 95),
      unit: 'ms',
      n: cross.latencies.length,
      note: `A on instance 1, B live on instance 2; ${timeouts}`,
    });
    record({
      bench: 'sync.converge.raw_same_instance_p95_ms',
      value: percentile(same.latencies, 95),
      unit: 'ms',
      n: same.latencies.length,
      note: `A and B on the same instance; ${same.timeouts} timed out (info)`,
    });
  } finally {
    await server.close();
  }
});
