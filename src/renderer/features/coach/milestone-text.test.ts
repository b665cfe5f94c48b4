import { describe, expect, it } from 'vitest';
import type { Milestone } from '../../../shared/domain/coach';
import { celebrationText, fractionText, milestoneRows, streakText, thisWeekText } from './milestone-text';

function milestone(id: number, fraction: number, reachedAt: string | null): Milestone {
  return { id, fraction, value: 2000 + fraction * 3000, dueDate: '2027-01-15', reachedAt, celebratedAt: null };
}

describe('celebration', () => {
  it.each([
    [0.25, 'You reached 25 % of your goal!'],
    [0.5, 'You reached 50 % of your goal!'],
    [1, 'You reached your goal!'],
  ])('%s', (fraction, text) => {
    expect(celebrationText({ fraction })).toBe(text);
  });

  it('rounds fractions to whole percent', () => {
    expect(fractionText(0.333)).toBe('33 %');
  });
});

describe('milestoneRows', () => {
  it('orders by fraction, ticks reached ones with their day and marks the first unreached as next', () => {
    const rows = milestoneRows(
      [
        milestone(3, 0.75, null),
        milestone(1, 0.25, '2026-11-02T23:30:00Z'),
        milestone(2, 0.5, null),
        milestone(4, 1, null),
      ],
      'count',
      'Europe/Paris',
    );
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      [1, 'reached'],
      [2, 'next'],
      [3, 'later'],
      [4, 'later'],
    ]);
    // 23:30 UTC is already the next day in Paris.
    expect(rows[0]?.when).toMatch(/Nov 3, 2026/);
    expect(rows[0]?.label).toMatch(/^25 % · 2,750$/);
    expect(rows[1]?.when).toMatch(/^Due Jan 15, 2027$/);
  });

  it('has no next once all are reached', () => {
    const rows = milestoneRows(
      [milestone(1, 0.5, '2026-11-02T10:00:00Z'), milestone(2, 1, '2026-12-02T10:00:00Z')],
      'count',
    );
    expect(rows.every((r) => r.state === 'reached')).toBe(true);
  });
});

describe('streak', () => {
  const base = { unit: 'weeks' as const, thisWeek: { published: 1, target: 3 } };
  it.each([
    [3, 5, '3 weeks in a row (best: 5 weeks)'],
    [1, 1, '1 week in a row (best: 1 week)'],
    [0, 4, 'No streak right now (best: 4 weeks)'],
    [0, 0, 'No streak yet'],
  ])('current %s best %s', (current, best, text) => {
    expect(streakText({ ...base, current, best })).toBe(text);
  });

  it('counts this week', () => {
    expect(thisWeekText({ ...base, current: 0, best: 0 })).toBe('1 of 3 posts published this week');
    expect(thisWeekText({ ...base, current: 0, best: 0, thisWeek: { published: 0, target: 1 } })).toBe(
      '0 of 1 post published this week',
    );
  });
});
