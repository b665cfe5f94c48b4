import { describe, expect, it } from 'vitest';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';
import { type SuccessModel, type SuccessPost, successFactors } from './success-factors';

function model(result: ReturnType<typeof successFactors>): SuccessModel {
  if (result.insufficient) throw new Error(result.reason);
  return result;
}

const factor = (m: SuccessModel, feature: string) => {
  const f = m.factors.find((x) => x.feature === feature);
  if (!f) throw new Error(`no factor ${feature}`);
  return f;
};

describe('successFactors', () => {
  it('matches a hand calculation for one balanced indicator', () => {
    // 10 posts at 4 % without, 10 at 5.2 % with (+30 %); ε = 0. Standardized z = ±1 (sd 0.5), so
    // β_std = Σ z·yc / (n + λ) = 10·ln 1.3 / 20.1, b = β_std / 0.5 = ln 1.3 · 20/20.1 = 0.261059,
    // effect = e^b − 1 = 29.83 %. Residuals are (1 − 20/20.1)·yc, so R² = 1 − (0.1/20.1)² = 0.999975.
    const posts: SuccessPost[] = Array.from({ length: 20 }, (_, i) => ({
      engagementRate: i < 10 ? 0.04 : 0.052,
      features: { other: i % 2, ...(i < 10 ? {} : { hook: 1 }) },
    }));
    const m = model(successFactors(posts, { lambdas: [0.1], epsilon: 0 }));
    const hook = factor(m, 'hook');
    expect(hook.effectPercent).toBeCloseTo(29.83, 2);
    expect(hook).toMatchObject({ support: 10, confident: true });
    expect(hook.meanWith).toBeCloseTo(0.052, 12);
    expect(hook.meanWithout).toBeCloseTo(0.04, 12);
    expect(m.r2).toBeCloseTo(0.999975, 6);
    expect(m.lambda).toBe(0.1);
    // `other` is balanced within both groups, so it explains nothing
    expect(factor(m, 'other').effectPercent).toBeCloseTo(0, 8);
    expect(m.factors[0]?.feature).toBe('hook');
  });

  it('refuses fewer than 20 posts and skips features that never vary', () => {
    const post = (i: number): SuccessPost => ({ engagementRate: 0.03 + i / 1000, features: { a: i % 2, all: 1 } });
    expect(successFactors(Array.from({ length: 19 }, (_, i) => post(i)))).toEqual({
      insufficient: true,
      reason: 'Need at least 20 posts with engagement data to compare features; have 19.',
    });
    const m = model(successFactors(Array.from({ length: 20 }, (_, i) => post(i))));
    expect(m.skipped).toEqual(['all']);
    expect(m.factors.map((f) => f.feature)).toEqual(['a']);
  });

  it('gives the same intervals for the same seed', () => {
    const posts = synthetic(7, 60);
    expect(successFactors(posts, { seed: 3 })).toEqual(successFactors(posts, { seed: 3 }));
  });

  it('finds a true +30 % feature and does not invent one (acceptance, issue #8)', () => {
    // 20 creators of 120 posts: A multiplies engagement by 1.3, B does nothing, noise is 25 % log-normal.
    let aConfident = 0;
    let bConfident = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const m = model(successFactors(synthetic(seed, 120)));
      const a = factor(m, 'A');
      const b = factor(m, 'B');
      if (a.confident && a.low > 0) aConfident++;
      if (b.confident) bConfident++;
      expect(a.effectPercent).toBeGreaterThan(10);
      expect(a.effectPercent).toBeLessThan(50);
      expect(a.low).toBeLessThan(30);
      expect(a.high).toBeGreaterThan(20);
    }
    expect(aConfident).toBeGreaterThanOrEqual(19);
    // a 90 % interval excludes 0 by chance for about 1 in 10 null features: allow up to 4 of 20
    expect(bConfident).toBeLessThanOrEqual(4);
  });
});

/** Posts with two coin-flip features; only A matters (+30 %). Box–Muller noise on seeded uniforms. */
function synthetic(seed: number, n: number): SuccessPost[] {
  const rng = mersenne(seed);
  const u = () => uniformFloat64(rng);
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  return Array.from({ length: n }, () => {
    const A = u() < 0.5 ? 1 : 0;
    const B = u() < 0.5 ? 1 : 0;
    return { engagementRate: 0.04 * 1.3 ** A * Math.exp(0.25 * normal()), features: { A, B } };
  });
}
