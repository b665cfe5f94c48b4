import { describe, expect, it } from 'vitest';
import { weeklyStreak } from '../../analytics/math/streak';
import { ZoneClock } from '../../analytics/zone-clock';
import { streakDays } from './streak-days';

/** A seeded stream of numbers in [0, 1). */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('streakDays', () => {
  it('gives weeklyStreak the same result as every instant, with far fewer entries', () => {
    const random = prng(7);
    for (const timezone of ['Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'UTC']) {
      for (const perWeek of [1, 3, 5]) {
        // Two years of posts, bursty: some weeks empty, some well over the target, some late at night.
        const end = Date.parse('2026-06-15T12:00:00Z');
        const instants: string[] = [];
        for (let day = 0; day < 730; day++) {
          const posts = random() < 0.3 ? 0 : Math.floor(random() * 3);
          for (let p = 0; p < posts; p++)
            instants.push(new Date(end - day * 86_400_000 - Math.floor(random() * 86_400_000)).toISOString());
        }
        instants.push('2026-06-16T08:00:00.000Z'); // after today: ignored by both
        const today = '2026-06-15';
        const days = streakDays(instants, new ZoneClock(timezone), today, perWeek);
        const expected = weeklyStreak({ publishedAt: instants, timezone, perWeek, today });
        expect(weeklyStreak({ publishedAt: days, timezone, perWeek, today })).toEqual(expected);
        expect(days.length).toBeLessThan(instants.length);
      }
    }
  });

  it('keeps every post of the current week (its count is shown)', () => {
    const zone = new ZoneClock('UTC');
    const instants = ['2026-06-15T08:00:00Z', '2026-06-15T09:00:00Z', '2026-06-16T09:00:00Z', '2026-06-01T09:00:00Z'];
    const days = streakDays(instants, zone, '2026-06-16', 1);
    expect(days.filter((d) => d >= '2026-06-15')).toHaveLength(3);
    expect(weeklyStreak({ publishedAt: days, timezone: 'UTC', perWeek: 1, today: '2026-06-16' }).thisWeek).toBe(3);
  });
});
