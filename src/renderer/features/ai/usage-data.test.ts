import { describe, expect, it } from 'vitest';
import type { UsageStats } from '../../../shared/domain/llm';
import { fillDays, lastDays, localShareVerdict, rangeProblem, rangeToInstants, shareBars } from './usage-data';

function stats(key: string, calls: number, totalCostUsd = 0): UsageStats {
  return {
    key,
    calls,
    ok: calls,
    cancelled: 0,
    errors: 0,
    tokensIn: 0,
    tokensOut: 0,
    avgTtftMs: null,
    avgTokensPerSecond: null,
    avgRating: null,
    totalCostUsd,
  };
}

describe('usage range and data', () => {
  it('defaults to the last 30 days, today included', () => {
    expect(lastDays(30, new Date(2026, 10, 25, 15, 0))).toEqual({ from: '2026-10-27', to: '2026-11-25' });
  });

  it('checks the range', () => {
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
    expect(rangeProblem({ from: '2026-11-02', to: '2026-11-01' })).toMatch(/before the end/);
    expect(rangeProblem({ from: '', to: '2026-11-01' })).toMatch(/Pick/);
  });

  it('turns days into a half-open range of instants', () => {
    expect(rangeToInstants({ from: '2026-11-01', to: '2026-11-03' })).toEqual({
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 10, 4).toISOString(),
    });
  });

  it('fills days without usage with zeros', () => {
    const points = fillDays([stats('2026-11-02', 3, 0.5)], '2026-11-01T00:00:00.000Z', '2026-11-04T00:00:00.000Z');
    expect(points).toEqual([
      { day: '2026-11-01', calls: 0, costUsd: 0 },
      { day: '2026-11-02', calls: 3, costUsd: 0.5 },
      { day: '2026-11-03', calls: 0, costUsd: 0 },
    ]);
    expect(fillDays([], 'later', 'sooner')).toEqual([]);
  });

  it('sizes share bars against the largest group', () => {
    expect(shareBars([stats('a', 1), stats('b', 4)])).toEqual([
      { key: 'b', calls: 4, fraction: 1 },
      { key: 'a', calls: 1, fraction: 0.25 },
    ]);
    expect(shareBars([stats('a', 0)])[0]?.fraction).toBe(0);
  });

  it('compares the local share with the target', () => {
    expect(localShareVerdict(null)).toMatch(/No successful/);
    expect(localShareVerdict(0.7)).toMatch(/On target/);
    expect(localShareVerdict(0.4)).toMatch(/Below target/);
  });
});
