import { describe, expect, it } from 'vitest';
import { isoWeekStart, weeklyStreak } from './streak';

// Weeks (Mon) and posts, target 2/week:
// Feb 10: 2 ✓ · Feb 17: 2 ✓ · Feb 24: 1 ✗ · Mar 3: 3 ✓ · Mar 10: 2 ✓ · Mar 17 (current): 1 so far
const history = [
  '2025-02-10T09:00:00Z',
  '2025-02-14T09:00:00Z',
  '2025-02-17T09:00:00Z',
  '2025-02-23T20:00:00Z', // Sunday: still the week of Feb 17
  '2025-02-26T09:00:00Z',
  '2025-03-03T09:00:00Z',
  '2025-03-05T09:00:00Z',
  '2025-03-07T09:00:00Z',
  '2025-03-11T09:00:00Z',
  '2025-03-13T09:00:00Z',
  '2025-03-17T09:00:00Z',
  '2025-03-21T09:00:00Z', // scheduled after "today": ignored
];

describe('isoWeekStart', () => {
  it.each([
    ['2025-03-17', '2025-03-17'], // Monday
    ['2025-03-19', '2025-03-17'],
    ['2025-03-23', '2025-03-17'], // Sunday ends the ISO week
    ['2025-01-01', '2024-12-30'], // across the year boundary
  ])('%s → %s', (day, monday) => {
    expect(isoWeekStart(day)).toBe(monday);
  });
});

describe('weeklyStreak', () => {
  it('counts completed weeks while the current one is still open', () => {
    // current: Mar 10 ✓, Mar 3 ✓, Feb 24 ✗ → 2. best: Feb 10–17 = 2, Mar 3–10 = 2.
    expect(weeklyStreak({ publishedAt: history, timezone: 'UTC', perWeek: 2, today: '2025-03-19' })).toEqual({
      current: 2,
      best: 2,
      weekStart: '2025-03-17',
      thisWeek: 1,
      thisWeekMet: false,
    });
  });

  it('counts a past scheduled post once today has passed it', () => {
    // by Mar 25 the Mar 21 post is published: the week of Mar 17 has 2 → Mar 17, 10, 3 = 3 weeks
    const s = weeklyStreak({ publishedAt: history, timezone: 'UTC', perWeek: 2, today: '2025-03-25' });
    expect(s).toMatchObject({ current: 3, best: 3 });
  });

  it('counts the current week once it meets the target', () => {
    const s = weeklyStreak({
      publishedAt: [...history, '2025-03-18T09:00:00Z'],
      timezone: 'UTC',
      perWeek: 2,
      today: '2025-03-19T12:00:00Z',
    });
    expect(s).toMatchObject({ current: 3, best: 3, thisWeek: 2, thisWeekMet: true });
  });

  it('breaks after a missed completed week but remembers the best', () => {
    // today in the week of Mar 24; without the Mar 21 post the week of Mar 17 had 1 → current 0
    const published = history.filter((p) => p !== '2025-03-21T09:00:00Z');
    const s = weeklyStreak({ publishedAt: published, timezone: 'UTC', perWeek: 2, today: '2025-03-25' });
    expect(s).toMatchObject({ current: 0, best: 2, thisWeek: 0 });
    // with a target of 1, every week Feb 10 … Mar 17 is met: 6 weeks
    const one = weeklyStreak({ publishedAt: published, timezone: 'UTC', perWeek: 1, today: '2025-03-25' });
    expect(one).toMatchObject({ current: 6, best: 6 });
  });

  it('assigns posts and today to weeks in the creator time zone', () => {
    // Monday 03:00 UTC is Sunday 22:00 in Chicago: the Mar 17 post moves to the week of Mar 10 (now 3)
    // and "today" is Sunday Mar 16, so the current week is Mar 10 and already met.
    const s = weeklyStreak({
      publishedAt: history.map((p) => (p === '2025-03-17T09:00:00Z' ? '2025-03-17T03:00:00Z' : p)),
      timezone: 'America/Chicago',
      perWeek: 3,
      today: '2025-03-17T03:30:00Z',
    });
    expect(s).toMatchObject({ weekStart: '2025-03-10', thisWeek: 3, thisWeekMet: true, current: 2, best: 2 });
  });

  it('refuses a target that is not a whole number of posts', () => {
    expect(() => weeklyStreak({ publishedAt: [], timezone: 'UTC', perWeek: 0, today: '2025-03-19' })).toThrow(
      RangeError,
    );
  });
});
