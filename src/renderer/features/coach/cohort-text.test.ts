import { describe, expect, it } from 'vitest';
import { basisText, comparisonBars, formatRate, sourceText } from './cohort-text';

describe('cohort texts', () => {
  it.each([
    [1.234, '1.2 %'],
    [0.456, '0.46 %'],
    [0.0632, '0.063 %'],
    [12, '12 %'],
  ])('formats %s', (value, text) => {
    expect(formatRate(value, 'en-US')).toBe(text);
  });

  it('scales both bars to the larger value', () => {
    expect(comparisonBars({ benchmarkPercent: 2, yourPercent: 1 })).toEqual({ yours: 0.5, benchmark: 1 });
    expect(comparisonBars({ benchmarkPercent: 1, yourPercent: 4 })).toEqual({ yours: 1, benchmark: 0.25 });
    expect(comparisonBars({ benchmarkPercent: 1, yourPercent: null })).toEqual({ yours: null, benchmark: 1 });
    expect(comparisonBars({ benchmarkPercent: 0, yourPercent: 0 })).toEqual({ yours: 0, benchmark: 0 });
  });

  it('names the basis and the source', () => {
    expect(basisText('followers')).toBe('per follower');
    expect(basisText('impressions')).toBe('per impression');
    expect(sourceText({ title: 'Socialinsider benchmarks', url: 'https://x', year: 2025 })).toBe(
      'Socialinsider benchmarks (2025)',
    );
  });
});
