import { describe, expect, it } from 'vitest';
import { factorAxis, factorBar, formatEffect, sortFactors } from './factor-scale';

describe('success factor bars', () => {
  it('sizes the axis to the widest interval, in tens, at least ±10 %', () => {
    expect(factorAxis([])).toBe(10);
    expect(factorAxis([{ low: -4, high: 6 }])).toBe(10);
    expect(factorAxis([{ low: -12, high: 31 }])).toBe(40);
  });

  it('places the effect and interval around a centred zero, clamped to the axis', () => {
    expect(factorBar({ low: -10, high: 30, effectPercent: 10 }, 40)).toEqual({
      zero: 50,
      low: 37.5,
      high: 87.5,
      effect: 62.5,
    });
    expect(factorBar({ low: -80, high: 0, effectPercent: -50 }, 40)).toEqual({ zero: 50, low: 0, high: 50, effect: 0 });
  });

  it('signs effects', () => {
    expect(formatEffect(18.4)).toBe('+18 %');
    expect(formatEffect(-7.2)).toBe('−7 %');
    expect(formatEffect(0.2)).toBe('0 %');
  });

  it('puts confident factors first, then the largest effects', () => {
    const sorted = sortFactors([
      { confident: false, effectPercent: 50 },
      { confident: true, effectPercent: -5 },
      { confident: true, effectPercent: 20 },
    ]);
    expect(sorted.map((f) => f.effectPercent)).toEqual([20, -5, 50]);
  });
});
