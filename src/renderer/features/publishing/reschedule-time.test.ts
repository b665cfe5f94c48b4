import { describe, expect, it } from 'vitest';
import { defaultRescheduleInput, parseRescheduleInput, toLocalInput } from './reschedule-time';

const NOW = new Date('2026-06-15T09:20:00.000Z');

describe('reschedule time picker', () => {
  it('starts on the next whole hour, shown in the creator’s zone', () => {
    expect(defaultRescheduleInput(NOW, 'Europe/Madrid')).toBe('2026-06-15T12:00');
    expect(defaultRescheduleInput(NOW, 'America/New_York')).toBe('2026-06-15T06:00');
    expect(toLocalInput('2026-12-01T09:00:00.000Z', 'Asia/Tokyo')).toBe('2026-12-01T18:00');
  });

  it('reads the picked wall time in the creator’s zone (summer and winter offsets)', () => {
    expect(parseRescheduleInput('2026-06-16T09:30', 'Europe/Madrid', NOW)).toEqual({
      ok: true,
      at: '2026-06-16T07:30:00.000Z',
    });
    expect(parseRescheduleInput('2026-12-16T09:30', 'Europe/Madrid', NOW)).toEqual({
      ok: true,
      at: '2026-12-16T08:30:00.000Z',
    });
  });

  it('refuses an empty or partial value, an impossible date, and a time that is not ahead', () => {
    expect(parseRescheduleInput('', 'UTC', NOW)).toEqual({ ok: false, error: 'Pick a date and a time.' });
    expect(parseRescheduleInput('2026-06-16', 'UTC', NOW)).toEqual({ ok: false, error: 'Pick a date and a time.' });
    expect(parseRescheduleInput('2026-02-30T10:00', 'UTC', NOW)).toEqual({
      ok: false,
      error: 'That date or time does not exist.',
    });
    expect(parseRescheduleInput('2026-06-15T09:20', 'UTC', NOW)).toEqual({
      ok: false,
      error: 'Pick a time in the future.',
    });
    expect(parseRescheduleInput('2026-06-14T23:00', 'UTC', NOW)).toEqual({
      ok: false,
      error: 'Pick a time in the future.',
    });
  });
});
