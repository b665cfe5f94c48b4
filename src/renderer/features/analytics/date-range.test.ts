import { describe, expect, it } from 'vitest';
import { presetRange, rangeLength, rangeProblem } from './date-range';

describe('presetRange', () => {
  it.each([
    ['7d', '2026-11-23'],
    ['30d', '2026-10-31'],
    ['90d', '2026-09-01'],
    ['1y', '2025-11-30'],
  ] as const)('%s ends today and starts on %s', (preset, from) => {
    expect(presetRange(preset, '2026-11-29')).toEqual({ from, to: '2026-11-29' });
  });

  it('leaves a custom range to the user', () => {
    expect(presetRange('custom', '2026-11-29')).toBeNull();
  });

  it('counts both ends of the range', () => {
    const range = presetRange('7d', '2026-03-02');
    expect(range).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(rangeLength(range ?? { from: '', to: '' })).toBe(7);
  });
});

describe('rangeProblem', () => {
  it('accepts a valid range, one day long included', () => {
    expect(rangeProblem({ from: '2026-01-01', to: '2026-01-31' })).toBeNull();
    expect(rangeProblem({ from: '2026-01-01', to: '2026-01-01' })).toBeNull();
  });

  it('names a missing or reversed range', () => {
    expect(rangeProblem({ from: '', to: '2026-01-31' })).toBe('Pick a start and an end day');
    expect(rangeProblem({ from: '2026-02-01', to: '2026-01-31' })).toBe('The start must be on or before the end');
  });
});
