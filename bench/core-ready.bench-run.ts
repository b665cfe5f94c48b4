import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, it } from 'vitest';
import { record } from './bench-record';
import { createCore } from '../src/main/core';
import { benchPorts } from './support/ports';
import { copyFixtureInto, ensurePostsFixture, FIXTURE_POSTS } from './support/posts-fixture';
import { max, median } from './support/stats';

/** Startup runs per figure; the median is the headline, the max shows the first (coldest) open. */
const READY_RUNS = Number(process.env.BENCH_READY_RUNS ?? 15);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 10);

const folders: string[] = [];
function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cadence-bench-'));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

it('core.ready_ms: createCore on a data folder with 100k posts at the latest schema', async () => {
  const fixture = await ensurePostsFixture();
  console.log(`fixture ${fixture.path} (${fixture.built ? `built in ${Math.round(fixture.ms)} ms` : 'cached'})`);
  const dataDir = tempFolder();
  copyFixtureInto(fixture.path, dataDir);
  const ports = benchPorts(dataDir);

  const readyMs: number[] = [];
  const purgeMs: number[] = [];
  for (let run = 0; run < READY_RUNS; run += 1) {
    const started = performance.now();
    const core = await createCore(ports);
    readyMs.push(performance.now() - started);
    if (core.migrations.applied.length > 0) throw new Error('the fixture was not at the latest schema');
    // The purge alone (already part of createCore above), to see its share of startup.
    const purgeStarted = performance.now();
    const purged = await core.services.posts.purgeTrash();
    purgeMs.push(performance.now() - purgeStarted);
    if (purged > 0) throw new Error('the fixture must keep its trashed posts (all within retention)');
    await core.close();
  }

  const n = READY_RUNS;
  const note = `${FIXTURE_POSTS} posts; open + migration check + trash purge; warm OS file cache`;
  record({ bench: 'core.ready_ms', value: median(readyMs), unit: 'ms', target: '<=300', n, note: `p50; ${note}` });
  record({
    bench: 'core.ready_max_ms',
    value: max(readyMs),
    unit: 'ms',
    target: '<=300',
    n,
    note: `max (first open is coldest); ${note}`,
  });
  record({
    bench: 'core.ready_first_ms',
    value: readyMs[0]!,
    unit: 'ms',
    target: '<=300',
    n: 1,
    note: 'the first open in the process, as at app launch (info; part of the max)',
  });
  record({
    bench: 'core.ready_purge_trash_ms',
    value: median(purgeMs),
    unit: 'ms',
    n,
    note: 'p50 of the startup trash purge alone (info)',
  });
});

it('core.ready_cold_migrate_ms: createCore on an empty data folder (migrates to latest)', async () => {
  const readyMs: number[] = [];
  for (let run = 0; run < COLD_RUNS; run += 1) {
    const dataDir = tempFolder();
    const ports = benchPorts(dataDir);
    const started = performance.now();
    const core = await createCore(ports);
    readyMs.push(performance.now() - started);
    if (core.migrations.applied.length === 0) throw new Error('a fresh database should have migrated');
    await core.close();
  }
  record({
    bench: 'core.ready_cold_migrate_ms',
    value: median(readyMs),
    unit: 'ms',
    n: COLD_RUNS,
    note: 'p50; fresh empty folder migrated to latest (info)',
  });
});
