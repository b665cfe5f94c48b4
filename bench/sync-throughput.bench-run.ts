import { randomBytes } from 'node:crypto';
import { it } from 'vitest';
import { record, recordMissing } from './bench-record';
import { percentile } from './support/stats';
import { sealedChanges, seededRandom } from './support/sync-changes';
import { BenchHlc, pull, pushBody, syncRoutesMissing } from './support/sync-protocol';
import { startBenchSyncServer } from './support/sync-server';
import { storageGrowth, storageSnapshot } from './support/sync-storage';

/** Field changes pushed in the timed phase: 40 s at the 5,000/s target, so the rate is sustained. */
const CHANGES = Number(process.env.BENCH_SYNC_THROUGHPUT_CHANGES ?? 200_000);
/** Changes per push request (the contract allows up to 1,000; the engine sends batches). */
const BATCH = Number(process.env.BENCH_SYNC_THROUGHPUT_BATCH ?? 500);
/** Devices pushing at once, each with one request in flight (different users: no shared rows). */
const DEVICES = Number(process.env.BENCH_SYNC_THROUGHPUT_DEVICES ?? 8);
/**
 * Interactive sync sends small pushes (a few fields after an edit), so the request rate matters
 * as much as the change rate: this many pushes of SMALL_BATCH changes from SMALL_DEVICES devices.
 */
const SMALL_PUSHES = Number(process.env.BENCH_SYNC_SMALL_PUSHES ?? 8_000);
const SMALL_BATCH = 5;
const SMALL_DEVICES = 32;

const THROUGHPUT_FIGURES = [
  { bench: 'sync.throughput.field_changes_per_s', unit: 'changes/s', target: '>=5000' },
  { bench: 'sync.throughput.push_p95_ms', unit: 'ms' },
  { bench: 'sync.throughput.small_pushes_per_s', unit: 'requests/s' },
  { bench: 'sync.throughput.small_push_p95_ms', unit: 'ms' },
  { bench: 'sync.throughput.pull_changes_per_s', unit: 'changes/s' },
  { bench: 'sync.storage.rows_per_change', unit: 'rows' },
  { bench: 'sync.storage.bytes_per_change', unit: 'B' },
  { bench: 'sync.storage.blob_bytes_per_change', unit: 'B' },
];

it('sync throughput: sustained pushes of encrypted field changes, and what they cost in PostgreSQL', async () => {
  const server = await startBenchSyncServer({ instances: 1 });
  try {
    const [instance] = server.instances;
    const devices = (await server.createUsers(DEVICES, 1)).map((own) => own[0]!);
    const missing = await syncRoutesMissing(instance!.url, devices[0]!.token);
    if (missing) {
      for (const figure of THROUGHPUT_FIGURES) recordMissing(figure, missing);
      return;
    }

    // Sealing and JSON are the devices' work: done before the clock starts, so the figure is
    // the service's (HTTP, zod, authentication, the transaction, NOTIFY) and PostgreSQL's.
    const key = randomBytes(32);
    const random = seededRandom(42);
    const perDevice = Math.ceil(CHANGES / DEVICES);
    let blobBytes = 0;
    let sealed = 0;
    const bodies = devices.map((device) => {
      const hlc = new BenchHlc(device.deviceId);
      const batches: string[] = [];
      for (let done = 0; done < perDevice; done += BATCH) {
        const changes = sealedChanges(key, hlc, random, Math.min(BATCH, perDevice - done));
        for (const change of changes) blobBytes += change.blob.length;
        sealed += changes.length;
        batches.push(JSON.stringify({ changes, sentAt: Date.now() }));
      }
      return batches;
    });

    const before = await storageSnapshot(server.database.db);
    const requestMs: number[] = [];
    let accepted = 0;
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      devices.map(async (device, d) => {
        for (const body of bodies[d]!) {
          const t0 = performance.now();
          try {
            // Read the answer before adding: `accepted += await …` would add to a stale value.
            const response = await pushBody(instance!.url, device.token, body);
            accepted += response.accepted;
          } catch {
            errors += 1;
          }
          requestMs.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = await storageSnapshot(server.database.db);

    record({
      bench: 'sync.throughput.field_changes_per_s',
      value: accepted / seconds,
      unit: 'changes/s',
      target: '>=5000',
      n: accepted,
      note: `${DEVICES} devices × 1 request in flight, ${BATCH} sealed field changes per push, one instance, ${seconds.toFixed(1)} s; ${errors} failed pushes; ${sealed - accepted} not accepted`,
    });
    record({
      bench: 'sync.throughput.push_p95_ms',
      value: percentile(requestMs, 95),
      unit: 'ms',
      n: requestMs.length,
      note: `one push of ${BATCH} changes under that load (info)`,
    });

    // Small pushes, as devices send them while the user edits: the per-request cost.
    const smallDevices = (await server.createUsers(SMALL_DEVICES, 1)).map((own) => own[0]!);
    const smallBodies = smallDevices.map((device) => {
      const hlc = new BenchHlc(device.deviceId);
      return Array.from({ length: Math.ceil(SMALL_PUSHES / SMALL_DEVICES) }, () =>
        JSON.stringify({ changes: sealedChanges(key, hlc, random, SMALL_BATCH), sentAt: Date.now() }),
      );
    });
    const smallMs: number[] = [];
    let smallErrors = 0;
    const smallStarted = performance.now();
    await Promise.all(
      smallDevices.map(async (device, d) => {
        for (const body of smallBodies[d]!) {
          const t0 = performance.now();
          try {
            await pushBody(instance!.url, device.token, body);
          } catch {
            smallErrors += 1;
          }
          smallMs.push(performance.now() - t0);
        }
      }),
    );
    const smallSeconds = (performance.now() - smallStarted) / 1000;
    record({
      bench: 'sync.throughput.small_pushes_per_s',
      value: (smallMs.length - smallErrors) / smallSeconds,
      unit: 'requests/s',
      n: smallMs.length,
      note: `${SMALL_DEVICES} devices × 1 request in flight, ${SMALL_BATCH} changes per push (${(((smallMs.length - smallErrors) * SMALL_BATCH) / smallSeconds).toFixed(0)} changes/s), one instance; ${smallErrors} failed (info: capacity planning)`,
    });
    record({
      bench: 'sync.throughput.small_push_p95_ms',
      value: percentile(smallMs, 95),
      unit: 'ms',
      n: smallMs.length,
      note: `one push of ${SMALL_BATCH} changes under that load (info)`,
    });

    // Pull one device's whole log back, page by page, as a new device would on first sync.
    const reader = devices[0]!;
    let cursor: string | null = null;
    let pulled = 0;
    const pullStarted = performance.now();
    for (;;) {
      const page = await pull(instance!.url, reader.token, cursor, 1000);
      pulled += page.changes.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    record({
      bench: 'sync.throughput.pull_changes_per_s',
      value: pulled / ((performance.now() - pullStarted) / 1000),
      unit: 'changes/s',
      n: pulled,
      note: 'one device pulls its user’s whole log, 1,000 per page, idle server (info)',
    });

    // Storage per change, for docs/scaling.md. Relation sizes grow in 8 kB pages, so the
    // figure is an average over the whole push, indexes and TOAST included.
    const growth = storageGrowth(before, after);
    const where = growth.tables.map((t) => `${t.name} +${t.rows} rows/+${Math.round(t.bytes / 1024)} KiB`).join(', ');
    record({
      bench: 'sync.storage.rows_per_change',
      value: accepted > 0 ? growth.rows / accepted : null,
      unit: 'rows',
      n: accepted,
      note: `rows added in every public table ÷ changes accepted: ${where}`,
    });
    record({
      bench: 'sync.storage.bytes_per_change',
      value: accepted > 0 ? growth.bytes / accepted : null,
      unit: 'B',
      n: accepted,
      note: 'pg_total_relation_size growth (heap + TOAST + indexes) ÷ changes accepted; WAL and replicas not included',
    });
    record({
      bench: 'sync.storage.blob_bytes_per_change',
      value: blobBytes / Math.max(1, sealed),
      unit: 'B',
      n: sealed,
      note: 'mean base64 blob length of the field-change mix pushed (what the bytes above store)',
    });
  } finally {
    await server.close();
  }
});
