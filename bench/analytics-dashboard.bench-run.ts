import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, it } from 'vitest';
import { record } from './bench-record';
import { type Core, createCore } from '../src/main/core';
import type { Channel, Input } from '../src/shared/contract';
import { benchPorts } from './support/ports';
import { ANALYTICS_DAYS, writeAnalyticsFixture } from './support/analytics-fixture';
import { median, percentile, timeAsync } from './support/stats';

/** Timed calls per query after warm-up; p95 of 60 is the 57th slowest-but-three. */
const RUNS = Number(process.env.BENCH_ANALYTICS_RUNS ?? 60);
const WARMUP = 3;
const NOW = '2026-06-15T12:00:00.000Z';
const TODAY = NOW.slice(0, 10);

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function daysBefore(days: number): string {
  return new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

async function invoke<C extends Channel>(core: Core, channel: C, input: Input<C>): Promise<void> {
  const result = await core.dispatcher.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
}

/** The dashboard's queries as the UI sends them, through the contract (validation, logging included). */
const QUERIES: { name: string; call: (core: Core) => Promise<void> }[] = [
  {
    name: 'overview_30d',
    call: (c) => invoke(c, 'analytics:get-overview', { from: daysBefore(30), to: TODAY }),
  },
  {
    name: 'overview_90d',
    call: (c) => invoke(c, 'analytics:get-overview', { from: daysBefore(90), to: TODAY }),
  },
  {
    name: 'overview_1y',
    call: (c) => invoke(c, 'analytics:get-overview', { from: daysBefore(365), to: TODAY }),
  },
  {
    name: 'overview_2y',
    call: (c) => invoke(c, 'analytics:get-overview', { from: daysBefore(ANALYTICS_DAYS), to: TODAY }),
  },
  {
    name: 'overview_1y_one_platform',
    call: (c) => invoke(c, 'analytics:get-overview', { from: daysBefore(365), to: TODAY, platforms: ['linkedin'] }),
  },
  { name: 'success_factors_all', call: (c) => invoke(c, 'analytics:get-success-factors', {}) },
  { name: 'best_times_x', call: (c) => invoke(c, 'analytics:get-best-times', { platform: 'x' }) },
  { name: 'anomalies', call: (c) => invoke(c, 'analytics:list-anomalies', {}) },
  { name: 'goal_status', call: (c) => invoke(c, 'coach:get-goal-status', {}) },
];

it('analytics.dashboard: queries over 2 years of daily metrics, 5 accounts, 5k posts', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cadence-bench-analytics-'));
  folders.push(dataDir);
  const ports = benchPorts(dataDir, NOW);
  const core = await createCore(ports, { llm: { ollama: 'off', embedded: 'off' } });
  try {
    await invoke(core, 'profile:save-profile', {
      name: 'Ada',
      niche: 'sourdough baking',
      platforms: ['x', 'linkedin', 'instagram', 'youtube', 'bluesky'],
      timezone: 'Europe/Berlin',
      goal: { metric: 'followers', target: 40_000, deadline: '2026-12-31' },
      cadence: { postsPerWeek: 5, days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    });
    const { ms: fixtureMs, value: fixture } = await timeAsync(async () => writeAnalyticsFixture(core.database, NOW));
    const shape = `${fixture.accounts} accounts × ${ANALYTICS_DAYS} days, ${fixture.posts} posts, ${fixture.snapshots} snapshots`;
    console.log(`analytics fixture written in ${Math.round(fixtureMs)} ms: ${shape}`);
    await core.domains.analytics.service.scanAnomalies();

    const allP95: number[] = [];
    for (const query of QUERIES) {
      for (let i = 0; i < WARMUP; i += 1) await query.call(core);
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i += 1) samples.push((await timeAsync(() => query.call(core))).ms);
      const p95 = percentile(samples, 95);
      allP95.push(p95);
      record({
        bench: `analytics.dashboard.${query.name}.p95_ms`,
        value: p95,
        unit: 'ms',
        target: '<=50',
        n: RUNS,
        note: `p50 ${median(samples).toFixed(2)} ms; through the contract; ${shape}`,
      });
    }
    record({
      bench: 'analytics.dashboard.worst_query.p95_ms',
      value: Math.max(...allP95),
      unit: 'ms',
      target: '<=50',
      n: RUNS * QUERIES.length,
      note: `the slowest query's p95 of ${QUERIES.length} dashboard queries`,
    });

    const pdf: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const input = { kind: 'custom' as const, from: daysBefore(365), to: TODAY, metrics: ['impressions' as const] };
      pdf.push((await timeAsync(() => invoke(core, 'reports:generate-report', input))).ms);
    }
    record({
      bench: 'reports.generate_1y.p50_ms',
      value: median(pdf),
      unit: 'ms',
      n: pdf.length,
      note: `reports:generate-report over 1 year (query + PDF + CSV + files written); max ${Math.max(...pdf).toFixed(1)} ms`,
    });
    const weekly: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      weekly.push((await timeAsync(() => invoke(core, 'reports:generate-report', { kind: 'weekly' }))).ms);
    }
    record({
      bench: 'reports.generate_weekly.p50_ms',
      value: median(weekly),
      unit: 'ms',
      n: weekly.length,
      note: 'reports:generate-report for the last completed week (query + PDF + CSV + files written)',
    });
  } finally {
    await core.close();
  }
});
