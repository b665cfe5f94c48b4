import { describe, expect, it } from 'vitest';
import type { ReportSchedule } from '../../shared/contract/reports';
import { cronPattern, lastCompletedWeek, mostRecentRun, rangeInstants, rangeLabel } from './report-dates';

describe('lastCompletedWeek', () => {
  it.each([
    // [now (UTC), time zone, expected Monday, expected Sunday]
    ['2026-11-25T10:00:00Z', 'UTC', '2026-11-16', '2026-11-22'], // a Wednesday
    ['2026-11-23T00:30:00Z', 'UTC', '2026-11-16', '2026-11-22'], // Monday just after midnight
    ['2026-11-22T23:59:00Z', 'UTC', '2026-11-09', '2026-11-15'], // Sunday night: this week is not over
    // Monday 00:30 UTC is still Sunday evening in New York, so the week that ended is the one before.
    ['2026-11-23T00:30:00Z', 'America/New_York', '2026-11-09', '2026-11-15'],
    // Sunday 23:30 UTC is already Monday in Tokyo.
    ['2026-11-22T23:30:00Z', 'Asia/Tokyo', '2026-11-16', '2026-11-22'],
    ['2027-01-01T12:00:00Z', 'Europe/Berlin', '2026-12-21', '2026-12-27'], // across a year end
  ])('at %s in %s is %s – %s', (now, tz, from, to) => {
    expect(lastCompletedWeek(new Date(now), tz)).toEqual({ from, to });
  });

  it('spans 167 hours across the spring daylight-saving change (Berlin, 29 March 2026)', () => {
    const week = lastCompletedWeek(new Date('2026-03-31T09:00:00Z'), 'Europe/Berlin');
    expect(week).toEqual({ from: '2026-03-23', to: '2026-03-29' });
    const { start, end } = rangeInstants(week, 'Europe/Berlin');
    expect(start.toISOString()).toBe('2026-03-22T23:00:00.000Z'); // Monday 00:00 CET
    expect(end.toISOString()).toBe('2026-03-29T22:00:00.000Z'); // next Monday 00:00 CEST
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(167);
  });

  it('spans 169 hours across the autumn change (New York, 1 November 2026)', () => {
    const week = lastCompletedWeek(new Date('2026-11-04T15:00:00Z'), 'America/New_York');
    expect(week).toEqual({ from: '2026-10-26', to: '2026-11-01' });
    const { start, end } = rangeInstants(week, 'America/New_York');
    expect(start.toISOString()).toBe('2026-10-26T04:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(169);
  });
});

describe('mostRecentRun', () => {
  const monday8: ReportSchedule = { enabled: true, weekday: 'mon', hour: 8 };

  it.each([
    // [now, tz, schedule, expected]
    ['2026-11-25T10:00:00Z', 'UTC', monday8, '2026-11-23T08:00:00.000Z'],
    ['2026-11-23T08:00:00Z', 'UTC', monday8, '2026-11-23T08:00:00.000Z'], // exactly at the time
    ['2026-11-23T07:59:59Z', 'UTC', monday8, '2026-11-16T08:00:00.000Z'], // a second before: last week
    ['2026-11-25T10:00:00Z', 'America/New_York', monday8, '2026-11-23T13:00:00.000Z'],
    ['2026-11-25T10:00:00Z', 'UTC', { enabled: true, weekday: 'sun', hour: 23 }, '2026-11-22T23:00:00.000Z'],
    ['2026-11-25T10:00:00Z', 'UTC', { enabled: true, weekday: 'wed', hour: 0 }, '2026-11-25T00:00:00.000Z'],
    // The Monday after the Berlin spring change is in summer time: 08:00 CEST = 06:00 UTC.
    ['2026-03-31T09:00:00Z', 'Europe/Berlin', monday8, '2026-03-30T06:00:00.000Z'],
    // The Monday before it was still in winter time: 08:00 CET = 07:00 UTC.
    ['2026-03-30T05:00:00Z', 'Europe/Berlin', monday8, '2026-03-23T07:00:00.000Z'],
  ] as [string, string, ReportSchedule, string][])('at %s in %s', (now, tz, schedule, expected) => {
    expect(mostRecentRun(schedule, new Date(now), tz)?.toISOString()).toBe(expected);
  });

  it('is null when the schedule is off', () => {
    expect(mostRecentRun({ ...monday8, enabled: false }, new Date('2026-11-25T10:00:00Z'), 'UTC')).toBeNull();
  });
});

describe('cronPattern', () => {
  it.each([
    [{ enabled: true, weekday: 'mon', hour: 8 }, '0 8 * * 1'],
    [{ enabled: true, weekday: 'sun', hour: 0 }, '0 0 * * 0'],
    [{ enabled: true, weekday: 'sat', hour: 23 }, '0 23 * * 6'],
  ] as [ReportSchedule, string][])('%o → %s', (schedule, pattern) => {
    expect(cronPattern(schedule)).toBe(pattern);
  });
});

describe('rangeLabel', () => {
  it.each([
    ['2026-11-16', '2026-11-22', '16 – 22 Nov 2026'],
    ['2026-10-26', '2026-11-01', '26 Oct – 1 Nov 2026'],
    ['2026-12-28', '2027-01-03', '28 Dec 2026 – 3 Jan 2027'],
    ['2026-11-16', '2026-11-16', '16 Nov 2026'],
  ])('%s – %s', (from, to, label) => {
    expect(rangeLabel({ from, to })).toBe(label);
  });
});
