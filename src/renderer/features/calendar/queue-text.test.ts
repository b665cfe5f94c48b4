import { describe, expect, it } from 'vitest';
import { gapSentence, gapWindow, groupByDay, slotShortLabel, weekLabel } from './queue-text';

const zone = 'Europe/Berlin';

describe('slotShortLabel', () => {
  it('shows the weekday and time in the creator zone', () => {
    // 2026-06-03 is a Wednesday; 07:00 UTC is 09:00 in Berlin (summer time).
    expect(slotShortLabel('2026-06-03T07:00:00.000Z', zone)).toBe('Wed 9:00');
    expect(slotShortLabel('2026-06-05T15:30:00.000Z', zone)).toBe('Fri 17:30');
  });
});

describe('weekLabel', () => {
  it.each([
    ['2026-06-01', 'This week'],
    ['2026-06-08', 'Next week'],
    ['2026-06-15', 'Week of Jun 15'],
  ])('%s is %s', (week, label) => {
    expect(weekLabel(week, '2026-06-01')).toBe(label);
  });
});

describe('gapSentence', () => {
  it('names the free slots', () => {
    expect(gapSentence('This week', 1, 3, ['2026-06-03T07:00:00.000Z', '2026-06-05T07:00:00.000Z'], zone)).toBe(
      'This week: 1 of 3 posts planned — 2 free slots: Wed 9:00, Fri 9:00',
    );
  });

  it('cuts a long list and says how many more', () => {
    const slots = ['01', '02', '03'].map((d) => `2026-06-${d}T07:00:00.000Z`);
    expect(gapSentence('Next week', 0, 1, slots, zone, 2)).toBe(
      'Next week: 0 of 1 post planned — 3 free slots: Mon 9:00, Tue 9:00 and 1 more',
    );
  });

  it('says when no slot is left', () => {
    expect(gapSentence('This week', 1, 3, [], zone)).toBe(
      'This week: 1 of 3 posts planned — no free slots left; add slots or move a post',
    );
  });
});

describe('gapWindow', () => {
  it.each([
    ['2026-06-03', { from: '2026-06-01', to: '2026-06-28' }],
    ['2026-06-01', { from: '2026-06-01', to: '2026-06-28' }],
    ['2026-06-07', { from: '2026-06-01', to: '2026-06-28' }],
  ])('covers four weeks from the Monday before %s', (day, window) => {
    expect(gapWindow(day, 4)).toEqual(window);
  });
});

describe('groupByDay', () => {
  it('groups consecutive items of a day in order', () => {
    const items = [
      { day: '2026-06-01', n: 1 },
      { day: '2026-06-01', n: 2 },
      { day: '2026-06-03', n: 3 },
    ];
    expect(groupByDay(items)).toEqual([
      { day: '2026-06-01', items: [items[0], items[1]] },
      { day: '2026-06-03', items: [items[2]] },
    ]);
    expect(groupByDay([])).toEqual([]);
  });
});
