import { describe, expect, it } from 'vitest';
import { type Goal, milestonesFor, neededPath, neededValue, weeklyTargets } from './milestones';

// 1000 → 2000 followers over March: 30 days, +33.33 a day.
const goal: Goal = { baseline: 1000, target: 2000, startDate: '2025-03-01', deadline: '2025-03-31' };

describe('neededValue / neededPath', () => {
  it.each([
    ['2025-02-20', 1000], // before the start: the baseline
    ['2025-03-01', 1000],
    ['2025-03-16', 1500], // day 15 of 30
    ['2025-03-22', 1700], // day 21: 1000 + 1000 · 21/30
    ['2025-03-31', 2000],
    ['2025-04-15', 2000], // after the deadline: the target
  ])('%s → %d', (date, value) => {
    expect(neededValue(goal, date)).toBeCloseTo(value, 9);
  });

  it('maps dates to points and works for falling targets and one-day goals', () => {
    expect(neededPath(goal, ['2025-03-01', '2025-03-16'])).toEqual([
      { date: '2025-03-01', value: 1000 },
      { date: '2025-03-16', value: 1500 },
    ]);
    // a lower target (e.g. cost per lead): 10 → 4 over 30 days, day 15 → 7
    expect(neededValue({ ...goal, baseline: 10, target: 4 }, '2025-03-16')).toBeCloseTo(7, 9);
    const oneDay = { ...goal, deadline: '2025-03-01' };
    expect(neededValue(oneDay, '2025-02-28')).toBe(1000);
    expect(neededValue(oneDay, '2025-03-01')).toBe(2000);
    expect(() => neededValue({ ...goal, deadline: '2025-02-01' }, '2025-03-01')).toThrow(RangeError);
  });
});

describe('milestonesFor', () => {
  it('spaces milestones along the line (hand-checked)', () => {
    // 40-day goal: 0.25 · 40 = day 10 (Mar 11), 20 → Mar 21, 30 → Mar 31, 40 → Apr 10
    expect(milestonesFor({ ...goal, deadline: '2025-04-10' })).toEqual([
      { fraction: 0.25, value: 1250, dueDate: '2025-03-11' },
      { fraction: 0.5, value: 1500, dueDate: '2025-03-21' },
      { fraction: 0.75, value: 1750, dueDate: '2025-03-31' },
      { fraction: 1, value: 2000, dueDate: '2025-04-10' },
    ]);
  });

  it('rounds due dates up to a day the line has reached', () => {
    // 30 days: 0.25 · 30 = 7.5 → day 8 (Mar 9), where the line is at 1266.7 ≥ 1250; 0.3 · 30 = 9 exactly
    const [quarter, third] = milestonesFor(goal, [0.25, 0.3]);
    expect(quarter?.dueDate).toBe('2025-03-09');
    expect(neededValue(goal, '2025-03-08')).toBeLessThan(1250);
    expect(third?.dueDate).toBe('2025-03-10');
    // 0.55 · 100 is 55.00000000000001 in floating point; still day 55
    const long = { ...goal, deadline: '2025-06-09' }; // 100 days
    expect(milestonesFor(long, [0.55])[0]?.dueDate).toBe('2025-04-25');
    expect(() => milestonesFor(goal, [1.5])).toThrow(RangeError);
  });
});

describe('weeklyTargets', () => {
  it('gives the needed value at each remaining week end (hand-checked)', () => {
    // today Wed Mar 19. Week Mar 17–23: day 22 → 1000 + 1000 · 22/30 = 1733.33;
    // Mar 24–30: day 29 → 1966.67; Mar 31–Apr 6 is cut at the deadline → 2000.
    const weeks = weeklyTargets(goal, '2025-03-19');
    expect(weeks.map((w) => [w.weekStart, w.weekEnd])).toEqual([
      ['2025-03-17', '2025-03-23'],
      ['2025-03-24', '2025-03-30'],
      ['2025-03-31', '2025-03-31'],
    ]);
    expect(weeks.map((w) => w.value)).toEqual([expect.closeTo(1733.333, 3), expect.closeTo(1966.667, 3), 2000]);
  });

  it('starts at the goal start when today is earlier, and is empty after the deadline', () => {
    // Mar 1 2025 is a Saturday: the first week is Feb 24–Mar 2, ending at day 1 → 1033.33
    const first = weeklyTargets(goal, '2025-02-01')[0];
    expect(first).toEqual({ weekStart: '2025-02-24', weekEnd: '2025-03-02', value: expect.closeTo(1033.333, 3) });
    expect(weeklyTargets(goal, '2025-04-01')).toEqual([]);
  });
});
