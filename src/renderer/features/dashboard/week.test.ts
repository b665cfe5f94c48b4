import { describe, expect, it } from 'vitest';
import { daysUntil, greetingFor, postDay, weekRange } from './week';

describe('weekRange', () => {
  it('runs Monday to Sunday in the given zone', () => {
    // Wednesday 2026-11-25 10:00 UTC
    const range = weekRange(new Date('2026-11-25T10:00:00Z'), 'Europe/Paris');
    expect(range.from).toBe('2026-11-22T23:00:00.000Z');
    expect(range.to).toBe('2026-11-29T22:59:59.999Z');
    expect(range.days).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
  });

  it('uses the zone’s own day near midnight', () => {
    // Monday 01:00 in Tokyo is still Sunday in UTC.
    const range = weekRange(new Date('2026-11-22T16:00:00Z'), 'Asia/Tokyo');
    expect(range.days[0]).toBe('2026-11-23');
  });
});

describe('day helpers', () => {
  it('dates a post by its scheduled time, else its last update, in the zone', () => {
    expect(postDay({ scheduledAt: '2026-11-25T23:30:00Z', updatedAt: '2026-01-01T00:00:00Z' }, 'Europe/Paris')).toBe(
      '2026-11-26',
    );
    expect(postDay({ scheduledAt: null, updatedAt: '2026-11-25T10:00:00Z' }, 'UTC')).toBe('2026-11-25');
  });

  it('counts days to a deadline', () => {
    expect(daysUntil('2026-12-25', '2026-11-25')).toBe(30);
    expect(daysUntil('2026-11-25', '2026-11-25')).toBe(0);
    expect(daysUntil('2026-11-20', '2026-11-25')).toBe(-5);
  });

  it('greets by the hour in the zone', () => {
    expect(greetingFor(new Date('2026-11-25T08:00:00Z'), 'UTC')).toBe('Good morning');
    expect(greetingFor(new Date('2026-11-25T08:00:00Z'), 'America/Los_Angeles')).toBe('Good evening');
    expect(greetingFor(new Date('2026-11-25T14:00:00Z'), 'UTC')).toBe('Good afternoon');
  });
});
