import { describe, expect, it } from 'vitest';
import { compareAB } from './ab-test';

describe('compareAB', () => {
  it('finds a significant winner (hand-checked)', () => {
    // A 87/3000 = 2.9 %, B 126/3000 = 4.2 %. Pooled p = 213/6000 = 0.0355,
    // se = sqrt(0.0355 · 0.9645 · (2/3000)) = sqrt(2.28265e-5) = 0.0047777,
    // z = 0.013 / 0.0047777 = 2.7210; Φ(2.721) = 0.996746, p = 2 · 0.003254 = 0.00651.
    const r = compareAB({ engagements: 87, exposure: 3000 }, { engagements: 126, exposure: 3000 });
    expect(r.z).toBeCloseTo(2.721, 3);
    expect(r.pValue).toBeCloseTo(0.00651, 4);
    expect(r.confidence).toBeCloseTo(0.99349, 4);
    // (0.042 − 0.029) / 0.029 = 44.83 %
    expect(r.liftPercent).toBeCloseTo(44.83, 2);
    expect(r).toMatchObject({ winner: 'b', verdict: 'significant' });
    expect(r.message).toBe('B did better: 4.2 % vs 2.9 % engagement (p = 0.007, significant at 95 %).');
  });

  it('names A when A is the better post', () => {
    const r = compareAB({ engagements: 126, exposure: 3000 }, { engagements: 87, exposure: 3000 });
    expect(r.z).toBeCloseTo(-2.721, 3);
    expect(r.winner).toBe('a');
    expect(r.message).toBe('A did better: 4.2 % vs 2.9 % engagement (p = 0.007, significant at 95 %).');
  });

  it('reports no winner when the difference could be noise', () => {
    // Same rates on 1000 each: se = sqrt(0.03423975 · 0.002) = 0.0082753, z = 1.5710,
    // p = 2 · (1 − Φ(1.571)) = 2 · 0.05809 = 0.1162.
    const r = compareAB({ engagements: 29, exposure: 1000 }, { engagements: 42, exposure: 1000 });
    expect(r.pValue).toBeCloseTo(0.1162, 3);
    expect(r).toMatchObject({ winner: null, verdict: 'not_significant' });
    expect(r.message).toBe('No clear winner yet: 2.9 % vs 4.2 % (p = 0.12).');
  });

  it.each([
    [40, 500, 'Not enough data yet: each post needs at least 100 impressions (A has 40).'],
    [40, 60, 'Not enough data yet: each post needs at least 100 impressions (A has 40, B has 60).'],
    [500, 99, 'Not enough data yet: each post needs at least 100 impressions (B has 99).'],
  ])('waits for %d and %d impressions', (ea, eb, message) => {
    const r = compareAB({ engagements: 4, exposure: ea }, { engagements: 4, exposure: eb });
    expect(r).toMatchObject({ verdict: 'not_enough_data', winner: null, pValue: null, message });
  });

  it('uses the caller minimum and exposure label', () => {
    const r = compareAB({ engagements: 1, exposure: 150 }, { engagements: 1, exposure: 300 }, 200, 'views');
    expect(r.message).toBe('Not enough data yet: each post needs at least 200 views (A has 150).');
  });

  it('treats two all-zero posts as no difference and guards impossible counts', () => {
    const zero = compareAB({ engagements: 0, exposure: 200 }, { engagements: 0, exposure: 200 });
    expect(zero).toMatchObject({ z: 0, pValue: 1, liftPercent: null, verdict: 'not_significant' });
    const over = compareAB({ engagements: 300, exposure: 200 }, { engagements: 5, exposure: 200 });
    expect(over).toMatchObject({ verdict: 'not_significant', pValue: null, winner: null });
    expect(over.message).toContain('A counts more engagements than impressions');
    expect(() => compareAB({ engagements: -1, exposure: 200 }, { engagements: 1, exposure: 200 })).toThrow(RangeError);
  });

  it('prints tiny p-values as p < 0.001', () => {
    // 290/10000 vs 420/10000: z = 0.013 / sqrt(0.03423975 · 0.0002) = 4.968
    const r = compareAB({ engagements: 290, exposure: 10_000 }, { engagements: 420, exposure: 10_000 });
    expect(r.z).toBeCloseTo(4.968, 3);
    expect(r.message).toContain('(p < 0.001, significant at 95 %)');
  });
});
