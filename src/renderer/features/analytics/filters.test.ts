import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../shared/domain/platform';
import { type AnalyticsFilters, filtersToInput, platformChoices, togglePlatform } from './filters';

const base: AnalyticsFilters = { preset: '30d', custom: { from: '', to: '' }, platforms: [] };

describe('filtersToInput', () => {
  it('turns a preset into the last N days and leaves platforms out for all', () => {
    expect(filtersToInput(base, '2026-11-29')).toEqual({ from: '2026-10-31', to: '2026-11-29' });
  });

  it('passes chosen platforms', () => {
    expect(filtersToInput({ ...base, preset: '7d', platforms: ['x', 'instagram'] }, '2026-11-29')).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
      platforms: ['x', 'instagram'],
    });
  });

  it('uses the custom days, and names what is wrong with them', () => {
    const custom = { ...base, preset: 'custom' as const, custom: { from: '2026-01-01', to: '2026-02-01' } };
    expect(filtersToInput(custom, '2026-11-29')).toEqual({ from: '2026-01-01', to: '2026-02-01' });
    expect(filtersToInput({ ...custom, custom: { from: '2026-03-01', to: '2026-02-01' } }, '2026-11-29')).toEqual({
      problem: 'The start must be on or before the end',
    });
  });
});

describe('platform chips', () => {
  it('toggles in display order', () => {
    expect(togglePlatform(['instagram'], 'x', PLATFORMS)).toEqual(['x', 'instagram']);
    expect(togglePlatform(['x', 'instagram'], 'x', PLATFORMS)).toEqual(['instagram']);
  });

  it('offers the profile platforms plus those seen in the data', () => {
    expect(platformChoices(['linkedin'], ['x', 'linkedin'], PLATFORMS)).toEqual(['x', 'linkedin']);
  });
});
