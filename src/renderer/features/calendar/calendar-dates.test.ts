import { describe, expect, it } from 'vitest';
import {
  atLocalTime,
  clockLabel,
  dayKeyOf,
  dayLabel,
  hourLabel,
  hourOf,
  moveToDay,
  moveToSlot,
  periodTitle,
  rangeOf,
  shiftAnchor,
  timeOf,
  visibleDays,
} from './calendar-dates';

describe('atLocalTime', () => {
  it('turns a local day and time into a UTC instant', () => {
    expect(atLocalTime('2026-12-01', '09:00', 'Europe/Berlin')).toBe('2026-12-01T08:00:00.000Z');
    expect(atLocalTime('2026-07-01', '09:00', 'Europe/Berlin')).toBe('2026-07-01T07:00:00.000Z');
    expect(atLocalTime('2026-12-01', '09:00', 'America/New_York')).toBe('2026-12-01T14:00:00.000Z');
  });

  it('moves a time inside the spring-forward gap to after it', () => {
    // 2026-03-29 02:30 does not exist in Berlin; clocks jump from 02:00 to 03:00.
    expect(timeOf(atLocalTime('2026-03-29', '02:30', 'Europe/Berlin'), 'Europe/Berlin')).toBe('03:30');
  });
});

describe('moveToDay', () => {
  it('keeps the local time of day across the Berlin spring-forward change', () => {
    const before = '2026-03-27T08:00:00.000Z'; // Friday 09:00 CET (+01:00)
    const moved = moveToDay(before, '2026-03-30', 'Europe/Berlin');
    expect(moved).toBe('2026-03-30T07:00:00.000Z'); // Monday 09:00 CEST (+02:00)
    expect(timeOf(moved, 'Europe/Berlin')).toBe('09:00');
  });

  it('keeps the local time of day across the New York fall-back change', () => {
    const before = '2026-10-30T22:15:00.000Z'; // Friday 18:15 EDT (-04:00)
    const moved = moveToDay(before, '2026-11-02', 'America/New_York');
    expect(moved).toBe('2026-11-02T23:15:00.000Z'); // Monday 18:15 EST (-05:00)
  });

  it('uses the zone, not the UTC date, to decide the day', () => {
    // 23:30 in New York is already the next day in UTC.
    const lateEvening = '2026-06-11T03:30:00.000Z';
    expect(dayKeyOf(lateEvening, 'America/New_York')).toBe('2026-06-10');
    expect(moveToDay(lateEvening, '2026-06-12', 'America/New_York')).toBe('2026-06-13T03:30:00.000Z');
  });
});

describe('moveToSlot', () => {
  it('changes day and hour, keeping minutes', () => {
    const moved = moveToSlot('2026-12-01T08:45:00.000Z', '2026-12-03', 14, 'Europe/Berlin');
    expect(timeOf(moved, 'Europe/Berlin')).toBe('14:45');
    expect(dayKeyOf(moved, 'Europe/Berlin')).toBe('2026-12-03');
    expect(hourOf(moved, 'Europe/Berlin')).toBe(14);
  });
});

describe('visibleDays', () => {
  it('covers a month in whole weeks starting on Monday', () => {
    const days = visibleDays('month', '2026-12-15', 'Europe/Berlin', new Date('2026-12-01T12:00:00Z'));
    expect(days).toHaveLength(35);
    expect(days[0]?.key).toBe('2026-11-30');
    expect(days[0]?.inMonth).toBe(false);
    expect(days[34]?.key).toBe('2027-01-03');
    expect(days.find((d) => d.isToday)?.key).toBe('2026-12-01');
  });

  it('needs six weeks for a month starting on a Sunday', () => {
    const days = visibleDays('month', '2026-11-10', 'UTC');
    expect(days).toHaveLength(42);
    expect(days[0]?.key).toBe('2026-10-26');
    expect(days[41]?.key).toBe('2026-12-06');
  });

  it('gives seven distinct days in a week crossing a DST change', () => {
    const days = visibleDays('week', '2026-11-01', 'America/New_York');
    expect(days.map((d) => d.key)).toEqual([
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
    ]);
    expect(days.every((d) => d.date.getHours() === 0)).toBe(true);
  });

  it('has a UTC range from the first midnight to the last day end', () => {
    const days = visibleDays('week', '2026-12-02', 'Europe/Berlin');
    expect(rangeOf(days, 'Europe/Berlin')).toEqual({
      from: '2026-11-29T23:00:00.000Z',
      to: '2026-12-06T22:59:59.999Z',
    });
  });
});

describe('navigation and labels', () => {
  it('steps by month and week', () => {
    expect(shiftAnchor('month', '2026-01-31', 1, 'UTC')).toBe('2026-02-28');
    expect(shiftAnchor('week', '2026-12-29', 1, 'UTC')).toBe('2027-01-05');
    expect(shiftAnchor('week', '2026-12-01', -1, 'UTC')).toBe('2026-11-24');
  });

  it('formats clock times and hours', () => {
    expect(clockLabel('09:00')).toBe('9:00 AM');
    expect(clockLabel('00:30')).toBe('12:30 AM');
    expect(clockLabel('12:05')).toBe('12:05 PM');
    expect(hourLabel(0)).toBe('12 AM');
    expect(hourLabel(15)).toBe('3 PM');
  });

  it('names days and periods', () => {
    expect(dayLabel('2026-12-01', 'Europe/Berlin')).toBe('Tuesday, December 1, 2026');
    expect(periodTitle('month', '2026-12-15', 'UTC')).toBe('December 2026');
    expect(periodTitle('week', '2026-12-30', 'UTC')).toBe('Dec 28, 2026 – Jan 3, 2027');
    expect(periodTitle('week', '2026-12-02', 'UTC')).toBe('Nov 30 – Dec 6, 2026');
  });
});
