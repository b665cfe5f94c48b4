import { describe, expect, it } from 'vitest';
import { addDays, dailyChanges, daysBetween, fillForward, growth } from './growth';

const series = [
  { date: '2025-03-05', value: 1100 },
  { date: '2025-03-01', value: 1000 },
  { date: '2025-03-10', value: 1250 },
];

describe('calendar days', () => {
  it.each([
    ['2025-03-01', 1, '2025-03-02'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'], // leap year
    ['2025-03-30', 1, '2025-03-31'], // European DST change night has no effect on calendar days
    ['2025-01-01', -1, '2024-12-31'],
  ])('%s + %d = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => addDays('03/01/2025', 1)).toThrow(RangeError);
  });
});

describe('growth', () => {
  it.each([
    // last on/before 03-01 is 1000, on/before 03-10 is 1250: +250, 250/1000 = 25 %
    ['2025-03-01', '2025-03-10', 1000, 1250, 250, 25],
    // 03-07 falls back to 03-05 (1100); 03-03 to 03-01 (1000): +100 = 10 %
    ['2025-03-03', '2025-03-07', 1000, 1100, 100, 10],
    // after the last observation: both ends carry 1250 forward
    ['2025-03-20', '2025-04-01', 1250, 1250, 0, 0],
  ])('%s → %s', (from, to, start, end, absolute, percent) => {
    expect(growth(series, from, to)).toMatchObject({ start, end, absolute, percent });
  });

  it('starts from the first observation when tracking began after fromDate', () => {
    // nothing on/before 02-01, so start = 03-01 (1000); end = 03-05 (1100)
    expect(growth(series, '2025-02-01', '2025-03-06')).toEqual({
      start: 1000,
      startDate: '2025-03-01',
      end: 1100,
      endDate: '2025-03-05',
      absolute: 100,
      percent: 10,
    });
  });

  it('is null with no data by toDate, and percent is null from a zero start', () => {
    expect(growth(series, '2025-01-01', '2025-02-01')).toBeNull();
    expect(growth([], '2025-01-01', '2025-02-01')).toBeNull();
    const fromZero = growth(
      [
        { date: '2025-01-01', value: 0 },
        { date: '2025-01-02', value: 7 },
      ],
      '2025-01-01',
      '2025-01-02',
    );
    expect(fromZero).toMatchObject({ absolute: 7, percent: null });
  });
});

describe('dailyChanges', () => {
  it('spreads a gap over its days', () => {
    // 03-01 → 03-05: +100 over 4 days = 25/day; 03-05 → 03-10: +150 over 5 days = 30/day
    const changes = dailyChanges(series);
    expect(changes).toHaveLength(9);
    expect(changes[0]).toEqual({ date: '2025-03-02', value: 25 });
    expect(changes[3]).toEqual({ date: '2025-03-05', value: 25 });
    expect(changes[4]).toEqual({ date: '2025-03-06', value: 30 });
    expect(changes[8]).toEqual({ date: '2025-03-10', value: 30 });
    expect(changes.reduce((s, c) => s + c.value, 0)).toBe(250);
  });
});

describe('fillForward', () => {
  it('carries the last value and leaves out days before the first observation', () => {
    expect(fillForward(series, '2025-02-27', '2025-03-06')).toEqual([
      { date: '2025-03-01', value: 1000 },
      { date: '2025-03-02', value: 1000 },
      { date: '2025-03-03', value: 1000 },
      { date: '2025-03-04', value: 1000 },
      { date: '2025-03-05', value: 1100 },
      { date: '2025-03-06', value: 1100 },
    ]);
    // a window that starts after observations still sees the earlier value
    expect(fillForward(series, '2025-03-11', '2025-03-12').map((p) => p.value)).toEqual([1250, 1250]);
  });
});
