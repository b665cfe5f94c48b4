import { describe, expect, it } from 'vitest';
import type { VoiceLanguage } from '../../../shared/domain/voice';
import { resolveSpokenTime } from './times';
import { instantOf } from './zoned-time';

const at = (phrase: string, now: string, timeZone: string, language: VoiceLanguage = 'en') =>
  resolveSpokenTime(phrase, { now: new Date(now), timeZone, language });

describe('resolveSpokenTime', () => {
  it.each([
    // New York, Saturday 8 March 2025 10:00 EST; clocks go forward on Sunday 9 March at 02:00.
    ['tomorrow at 9', '2025-03-08T15:00:00Z', 'America/New_York', '2025-03-09T09:00:00-04:00'],
    ['tomorrow at 2:30 am', '2025-03-08T15:00:00Z', 'America/New_York', '2025-03-09T03:30:00-04:00'],
    ['in two hours', '2025-03-09T06:30:00Z', 'America/New_York', '2025-03-09T04:30:00-04:00'],
    ['next monday at 3pm', '2025-03-08T15:00:00Z', 'America/New_York', '2025-03-10T15:00:00-04:00'],
    // "at 9" with no am/pm: 9:00 if still ahead, else 21:00 today, else 9:00 tomorrow.
    ['at 9', '2025-03-08T12:00:00Z', 'America/New_York', '2025-03-08T09:00:00-05:00'],
    ['at 9', '2025-03-08T15:00:00Z', 'America/New_York', '2025-03-08T21:00:00-05:00'],
    ['at 9', '2025-03-09T03:00:00Z', 'America/New_York', '2025-03-09T09:00:00-04:00'],
    // "at 3" is 15:00 (3 am is never meant): tomorrow once 15:00 has passed.
    ['at 3', '2025-03-08T15:00:00Z', 'America/New_York', '2025-03-08T15:00:00-05:00'],
    ['at 3', '2025-03-08T21:00:00Z', 'America/New_York', '2025-03-09T15:00:00-04:00'],
    ['tomorrow at 3', '2025-03-08T15:00:00Z', 'America/New_York', '2025-03-09T15:00:00-04:00'],
    ['tomorrow at seven', '2025-03-08T15:00:00Z', 'America/New_York', '2025-03-09T07:00:00-04:00'],
    ['tomorrow at 9 in the evening', '2025-03-08T15:00:00Z', 'America/New_York', '2025-03-09T21:00:00-04:00'],
    ['tomorrow at nine thirty', '2025-03-08T15:00:00Z', 'America/New_York', '2025-03-09T09:30:00-04:00'],
    ['tomorrow at half past 9', '2025-03-08T15:00:00Z', 'America/New_York', '2025-03-09T09:30:00-04:00'],
    // Madrid, Saturday 25 October 2025 20:00 CEST; clocks go back on Sunday 26 October at 03:00.
    ['mañana a las 9', '2025-10-25T18:00:00Z', 'Europe/Madrid', '2025-10-26T09:00:00+01:00', 'es'],
    ['mañana a las 2:30 de la madrugada', '2025-10-25T18:00:00Z', 'Europe/Madrid', '2025-10-26T02:30:00+02:00', 'es'],
    [
      'el próximo lunes a las 3 de la tarde',
      '2025-10-25T18:00:00Z',
      'Europe/Madrid',
      '2025-10-27T15:00:00+01:00',
      'es',
    ],
    ['dentro de dos horas', '2025-10-26T00:30:00Z', 'Europe/Madrid', '2025-10-26T03:30:00+01:00', 'es'],
    ['a las nueve', '2025-10-25T18:00:00Z', 'Europe/Madrid', '2025-10-25T21:00:00+02:00', 'es'],
    ['hoy a las 8 de la noche', '2025-10-25T06:00:00Z', 'Europe/Madrid', '2025-10-25T20:00:00+02:00', 'es'],
    // Same instant, different zones: "tomorrow" is a different calendar day.
    ['tomorrow at 9', '2025-06-01T23:30:00Z', 'Asia/Tokyo', '2025-06-03T09:00:00+09:00'],
    ['tomorrow at 9', '2025-06-01T23:30:00Z', 'America/Los_Angeles', '2025-06-02T09:00:00-07:00'],
    ['tomorrow at 9', '2025-06-01T23:30:00Z', 'UTC', '2025-06-02T09:00:00+00:00'],
  ] as const)('%s (now %s, %s) → %s', (phrase, now, zone, expected, language: VoiceLanguage = 'en') => {
    expect(at(phrase, now, zone, language)).toMatchObject({ ok: true, at: expected, spoken: phrase });
  });

  it.each([
    ['yesterday at 9', 'past'],
    ['today at 8 am', 'past'],
    ['tomorrow', 'no-hour'],
    ['next monday', 'no-hour'],
    ['tomorrow at 9 for the cat', 'no-time'],
    ['whenever you like', 'no-time'],
  ] as const)('%s is not resolved (%s)', (phrase, reason) => {
    expect(at(phrase, '2025-03-08T15:00:00Z', 'America/New_York')).toEqual({ ok: false, reason });
  });
});

describe('instantOf', () => {
  it('moves a wall time in the spring-forward gap an hour later and takes the first of an autumn overlap', () => {
    expect(instantOf({ year: 2025, month: 3, day: 9, hour: 2, minute: 30 }, 'America/New_York').toISOString()).toBe(
      '2025-03-09T07:30:00.000Z',
    );
    expect(instantOf({ year: 2025, month: 11, day: 2, hour: 1, minute: 30 }, 'America/New_York').toISOString()).toBe(
      '2025-11-02T05:30:00.000Z',
    );
  });
});
