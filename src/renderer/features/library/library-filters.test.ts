import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  hasActiveFilters,
  localInstant,
  normalizeTag,
  PAGE_SIZE,
  toPostFilter,
} from './library-filters';

describe('toPostFilter', () => {
  it('hides archived posts by default and pages by offset', () => {
    expect(toPostFilter(EMPTY_FILTERS, 'UTC', 2)).toEqual({
      filter: {
        limit: PAGE_SIZE,
        offset: 2 * PAGE_SIZE,
        statuses: ['idea', 'draft', 'ready', 'scheduled', 'published'],
      },
    });
    expect(toPostFilter({ ...EMPTY_FILTERS, status: 'all' }, 'UTC', 0)).toEqual({
      filter: { limit: PAGE_SIZE, offset: 0 },
    });
  });

  it('turns local dates into an inclusive UTC range in the creator zone', () => {
    const result = toPostFilter(
      {
        ...EMPTY_FILTERS,
        query: '  launch ',
        status: 'draft',
        platform: 'x',
        tag: '#tips',
        from: '2026-03-28',
        to: '2026-03-29',
      },
      'Europe/Berlin',
      0,
    );
    expect(result).toEqual({
      filter: {
        limit: PAGE_SIZE,
        offset: 0,
        query: 'launch',
        statuses: ['draft'],
        platforms: ['x'],
        tag: 'tips',
        from: '2026-03-27T23:00:00.000Z',
        to: '2026-03-29T21:59:59.999Z',
      },
    });
  });

  it('reports a reversed range and a bad tag', () => {
    expect(toPostFilter({ ...EMPTY_FILTERS, from: '2026-02-02', to: '2026-02-01' }, 'UTC', 0)).toEqual({
      problem: { field: 'to', message: 'The end date is before the start date' },
    });
    expect(toPostFilter({ ...EMPTY_FILTERS, tag: 'two words' }, 'UTC', 0)).toHaveProperty('problem.field', 'tag');
  });
});

describe('helpers', () => {
  it('normalises tags', () => {
    expect(normalizeTag(' ##growth ')).toEqual({ tag: 'growth' });
    expect(normalizeTag('  ')).toEqual({ tag: undefined });
  });

  it('gives local day bounds in New York', () => {
    expect(localInstant('2026-11-01', 'America/New_York', false)).toBe('2026-11-01T04:00:00.000Z');
    expect(localInstant('2026-11-01', 'America/New_York', true)).toBe('2026-11-02T04:59:59.999Z');
  });

  it('knows when filters are active', () => {
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, query: ' a' })).toBe(true);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, status: 'all' })).toBe(true);
  });
});
