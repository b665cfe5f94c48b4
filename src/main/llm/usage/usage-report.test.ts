import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { UsageReporter } from './usage-report';
import { type UsageRecord, UsageRepository } from './usage.repository';

let t: TestCore;
let usage: UsageRepository;
beforeEach(async () => {
  t = await createTestCore();
  usage = new UsageRepository(t.core.database.db);
});
afterEach(() => t.dispose());

const row = (overrides: Partial<UsageRecord>): UsageRecord => ({
  requestId: 'r',
  task: 'drafting',
  provider: 'ollama',
  model: 'llama3.2:3b',
  location: 'local',
  fallbackPosition: 0,
  outcome: 'ok',
  errorKind: null,
  tokensIn: 10,
  tokensOut: 100,
  ttftMs: 200,
  tokensPerSecond: 40,
  durationMs: 2700,
  costUsd: 0,
  createdAt: '2026-11-20T09:00:00.000Z',
  ...overrides,
});

const month = { spentUsd: 0, ceilingUsd: 5 };

describe('usage report', () => {
  beforeEach(async () => {
    await usage.insert(row({ ttftMs: 100, tokensPerSecond: 30 }));
    await usage.insert(row({ ttftMs: 300, tokensPerSecond: 50, createdAt: '2026-11-21T23:59:59.999Z' }));
    await usage.insert(
      row({
        outcome: 'error',
        errorKind: 'timeout',
        tokensOut: 0,
        ttftMs: null,
        tokensPerSecond: null,
        task: 'hashtags',
      }),
    );
    await usage.insert(
      row({
        provider: 'openai',
        model: 'gpt-5.4-mini',
        location: 'cloud',
        fallbackPosition: 1,
        costUsd: 0.002,
        ttftMs: 400,
        tokensPerSecond: 90,
        createdAt: '2026-11-21T10:00:00.000Z',
      }),
    );
    await usage.insert(
      row({ costUsd: 9, provider: 'anthropic', location: 'cloud', createdAt: '2026-12-01T00:00:00.000Z' }),
    );
  });

  it('totals, by day (UTC), task, provider and model over [from, to)', async () => {
    const ids = (await t.core.database.db.selectFrom('llm_usage').select('id').execute()).map((r) => r.id);
    await usage.setRating(ids[0]!, 5);
    await usage.setRating(ids[1]!, 2);
    const report = await new UsageReporter(t.core.database.db).report(
      '2026-11-01T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
      month,
    );

    expect(report.totals).toMatchObject({ calls: 4, ok: 3, errors: 1, cancelled: 0, tokensOut: 300 });
    // Averages skip calls without the figure (the timed-out call has no ttft).
    expect(report.totals.avgTtftMs).toBeCloseTo((100 + 300 + 400) / 3, 10);
    expect(report.totals.totalCostUsd).toBeCloseTo(0.002, 10);
    expect(report.byDay.map((d) => [d.key, d.calls])).toEqual([
      ['2026-11-20', 2],
      ['2026-11-21', 2],
    ]);
    expect(report.byTask.map((d) => [d.key, d.calls, d.errors])).toEqual([
      ['drafting', 3, 0],
      ['hashtags', 1, 1],
    ]);
    expect(report.byProvider.map((d) => d.key)).toEqual(['ollama', 'openai']);
    const local = report.byModel.find((m) => m.key === 'ollama/llama3.2:3b');
    expect(local).toMatchObject({ calls: 3, avgTtftMs: 200, avgTokensPerSecond: 40, avgRating: 3.5, totalCostUsd: 0 });
    expect(report.byModel.find((m) => m.key === 'openai/gpt-5.4-mini')).toMatchObject({
      avgRating: null,
      avgTtftMs: 400,
    });
    // Three successful generations, two of them on this device.
    expect(report.localShare).toBeCloseTo(2 / 3, 10);
    expect(report.month).toEqual(month);
  });

  it('is empty but well-formed for a range with no calls', async () => {
    const report = await new UsageReporter(t.core.database.db).report(
      '2025-01-01T00:00:00.000Z',
      '2025-02-01T00:00:00.000Z',
      month,
    );
    expect(report).toMatchObject({ byDay: [], byTask: [], byProvider: [], byModel: [], localShare: null });
    expect(report.totals).toMatchObject({ calls: 0, totalCostUsd: 0, avgTtftMs: null });
  });

  it('sums this range’s cost for the monthly ceiling', async () => {
    expect(await usage.costBetween('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).toBeCloseTo(0.002, 10);
    expect(await usage.costBetween('2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')).toBe(9);
  });
});
