import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { ZoneClock } from './zone-clock';

/** The slot by the time-zone library, one instant at a time (what the clock's caches stand in for). */
function slotByLibrary(iso: string, timezone: string) {
  const local = new TZDate(iso, timezone);
  return { day: format(local, 'yyyy-MM-dd'), weekday: (local.getDay() + 6) % 7, hour: local.getHours() };
}

describe('ZoneClock', () => {
  it('gives the same slots as the time-zone library, across DST changes and odd offsets, cached or not', () => {
    for (const timezone of ['Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC']) {
      const clock = new ZoneClock(timezone);
      // Every 7 minutes through a year: hits each quarter hour, then again from the cache.
      for (let pass = 0; pass < 2; pass++) {
        for (
          let ms = Date.parse('2026-01-01T00:00:00Z');
          ms < Date.parse('2027-01-01T00:00:00Z');
          ms += 7 * 60_000 * 211
        ) {
          const iso = new Date(ms).toISOString();
          expect(clock.slot(iso), `${timezone} ${iso}`).toEqual(slotByLibrary(iso, timezone));
        }
      }
    }
  });

  it('keeps slots per quarter hour: instants in one quarter hour share a slot, the next one may not', () => {
    const clock = new ZoneClock('Asia/Kathmandu'); // +05:45: the local hour turns at :15 UTC
    expect(clock.slot('2026-03-10T18:14:59.999Z')).toEqual({ day: '2026-03-10', weekday: 1, hour: 23 });
    expect(clock.slot('2026-03-10T18:00:00.000Z')).toBe(clock.slot('2026-03-10T18:14:00.000Z'));
    expect(clock.slot('2026-03-10T18:15:00.000Z')).toEqual({ day: '2026-03-11', weekday: 2, hour: 0 });
  });
});
