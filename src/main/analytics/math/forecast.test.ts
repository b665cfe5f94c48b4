import { describe, expect, it } from 'vitest';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';
import { type Forecast, forecastDrift, forecastPath, forecastTrend, probabilityAtLeast } from './forecast';

/**
 * Standard normal draws by Box–Muller on seeded uniforms (1 − u keeps the log away from 0). Mersenne
 * Twister because xoroshiro128+ seeded with small integers starts with near-1 outputs that bias the draws.
 */
function gaussians(seed: number): () => number {
  const rng = mersenne(seed);
  return () => {
    const u1 = 1 - uniformFloat64(rng);
    const u2 = uniformFloat64(rng);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
}

function ok(f: ReturnType<typeof forecastDrift>): Forecast {
  if (f.insufficient) throw new Error(f.reason);
  return f;
}

describe('forecastDrift', () => {
  it('matches a hand calculation', () => {
    // diffs 2,1,2,1,2,2: n = 6, μ = 10/6, σ² = (4·(1/3)² + 2·(2/3)²)/5 = 0.26667, σ = 0.516398.
    // h = 3: point = 20 + 3·10/6 = 25; sd = σ·√(3 + 9/6) = 1.095445; t(0.90, 5 df) = 1.475884,
    // half-width = 1.616750 → [23.38325, 26.61675].
    const f = ok(forecastDrift([10, 12, 13, 15, 16, 18, 20], 3, 0.8));
    expect(f).toMatchObject({ method: 'drift', df: 5, n: 7, level: 0.8 });
    expect(f.point).toBeCloseTo(25, 10);
    expect(f.sd).toBeCloseTo(1.095445, 6);
    expect(f.lower).toBeCloseTo(23.38325, 5);
    expect(f.upper).toBeCloseTo(26.61675, 5);
    // the upper bound of an 80 % interval is the 90th percentile
    expect(probabilityAtLeast(f, 25)).toBeCloseTo(0.5, 10);
    expect(probabilityAtLeast(f, f.upper)).toBeCloseTo(0.1, 8);
    expect(probabilityAtLeast(f, f.lower)).toBeCloseTo(0.9, 8);
  });

  it('refuses short or gappy series and bad arguments', () => {
    expect(forecastDrift([1, 2, 3, 4, 5, 6], 7)).toEqual({
      insufficient: true,
      reason: 'Need at least 7 days of data to forecast; have 6.',
    });
    expect(forecastDrift([1, 2, 3, Number.NaN, 5, 6, 7], 7)).toMatchObject({ insufficient: true });
    expect(() => forecastDrift([1, 2, 3, 4, 5, 6, 7], -1)).toThrow(RangeError);
    expect(() => forecastDrift([1, 2, 3, 4, 5, 6, 7], 3, 1)).toThrow(RangeError);
  });

  it('gives a step probability when the history has no spread', () => {
    const f = ok(forecastDrift([1, 2, 3, 4, 5, 6, 7], 3));
    expect(f).toMatchObject({ point: 10, lower: 10, upper: 10, sd: 0 });
    expect(probabilityAtLeast(f, 10)).toBe(1);
    expect(probabilityAtLeast(f, 10.5)).toBe(0);
  });
});

describe('forecastTrend', () => {
  it('matches a hand calculation', () => {
    // x = 0..6, y = 1,3,2,5,4,6,7: x̄ = 3, ȳ = 4, Sxx = 28, Sxy = 26 → slope 0.928571, intercept 1.214286.
    // SSE = 3.857143, se = √(3.857143/5) = 0.878310. h = 2 → x0 = 8: point = 8.642857,
    // sd = se·√(1 + 1/7 + 25/28) = 1.253159; t(0.975, 5 df) = 2.570582 → [5.421509, 11.864206].
    const f = ok(forecastTrend([1, 3, 2, 5, 4, 6, 7], 2, 0.95));
    expect(f).toMatchObject({ method: 'trend', df: 5, n: 7, level: 0.95 });
    expect(f.point).toBeCloseTo(8.642857, 6);
    expect(f.sd).toBeCloseTo(1.253159, 6);
    expect(f.lower).toBeCloseTo(5.421509, 6);
    expect(f.upper).toBeCloseTo(11.864206, 6);
    // P(T5 ≥ (10 − 8.642857)/1.253159 = 1.08298) = 0.16413
    expect(probabilityAtLeast(f, 10)).toBeCloseTo(0.16413, 5);
  });
});

describe('forecastPath', () => {
  it('widens day by day and ends at the single-horizon forecast', () => {
    const values = [10, 12, 13, 15, 16, 18, 20];
    const path = forecastPath('drift', values, 3);
    if (path.insufficient) throw new Error(path.reason);
    expect(path.days.map((d) => d.day)).toEqual([1, 2, 3]);
    const widths = path.days.map((d) => d.upper - d.lower);
    expect(widths[0]).toBeLessThan(widths[1] as number);
    expect(widths[1]).toBeLessThan(widths[2] as number);
    const last = ok(forecastDrift(values, 3));
    expect(path.days[2]).toEqual({ day: 3, point: last.point, lower: last.lower, upper: last.upper });
    expect(forecastPath('trend', [1, 2], 3)).toMatchObject({ insufficient: true });
  });
});

describe('interval coverage on data that follows each model (acceptance, issue #8)', () => {
  const SEEDS = Array.from({ length: 300 }, (_, i) => 1000 + i);
  const N = 30;
  const H = 14;

  /** Fraction of seeds whose interval at `level` holds the true value H days ahead. */
  function coverage(simulate: (seed: number) => { history: number[]; future: number }, method: 'drift' | 'trend') {
    const hits = { 0.8: 0, 0.95: 0 };
    for (const seed of SEEDS) {
      const { history, future } = simulate(seed);
      for (const level of [0.8, 0.95] as const) {
        const f = ok(method === 'drift' ? forecastDrift(history, H, level) : forecastTrend(history, H, level));
        if (f.lower <= future && future <= f.upper) hits[level]++;
      }
    }
    return { 0.8: hits[0.8] / SEEDS.length, 0.95: hits[0.95] / SEEDS.length };
  }

  it('drift: a follower count walking +5/day with sd 8', () => {
    const c = coverage((seed) => {
      const z = gaussians(seed);
      const path = [1000];
      for (let t = 1; t < N + H; t++) path.push((path[t - 1] as number) + 5 + 8 * z());
      return { history: path.slice(0, N), future: path[N - 1 + H] as number };
    }, 'drift');
    expect(Math.abs(c[0.8] - 0.8)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(c[0.95] - 0.95)).toBeLessThanOrEqual(0.05);
  });

  it('trend: an engagement rate rising 0.1 point/day with sd 1 point', () => {
    const c = coverage((seed) => {
      const z = gaussians(seed);
      const level = (t: number) => 0.05 + 0.001 * t + 0.01 * z();
      return { history: Array.from({ length: N }, (_, t) => level(t)), future: level(N - 1 + H) };
    }, 'trend');
    expect(Math.abs(c[0.8] - 0.8)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(c[0.95] - 0.95)).toBeLessThanOrEqual(0.05);
  });

  it('is sharp enough to notice a wrong model (trend intervals on a random walk under-cover)', () => {
    const c = coverage((seed) => {
      const z = gaussians(seed);
      const path = [1000];
      for (let t = 1; t < N + H; t++) path.push((path[t - 1] as number) + 8 * z());
      return { history: path.slice(0, N), future: path[N - 1 + H] as number };
    }, 'trend');
    expect(c[0.8]).toBeLessThan(0.75);
  });
});
