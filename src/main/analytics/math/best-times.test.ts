import { describe, expect, it } from 'vitest';
import { bestTimes, type SlotScore, type TimedPost } from './best-times';

// Paris is UTC+1 until 2025-03-30. Tue = weekday 1, Wed = 2, Thu = 3 (Mon = 0).
const posts: TimedPost[] = [
  { publishedAt: '2025-03-11T08:15:00Z', engagementRate: 0.06 }, // Tue 09:15 Paris
  { publishedAt: '2025-03-04T08:40:00Z', engagementRate: 0.08 }, // Tue 09:40 Paris
  { publishedAt: '2025-03-13T17:05:00Z', engagementRate: 0.01 }, // Thu 18:05 Paris
  { publishedAt: '2025-03-14T10:00:00Z', engagementRate: null }, // ignored: no denominator
];
const defaults: SlotScore[] = [
  { weekday: 1, hour: 9, score: 2 },
  { weekday: 2, hour: 12, score: 4 },
  { weekday: 3, hour: 18, score: 3 },
];

describe('bestTimes', () => {
  it('blends own averages with the defaults (hand-checked)', () => {
    // Own mean = (0.06 + 0.08 + 0.01)/3 = 0.05. Defaults ÷ their mean 3 → Tue9 0.6667, Wed12 1.3333, Thu18 1.
    // Tue9: n = 2, own 0.07/0.05 = 1.4 → 2/7·1.4 + 5/7·0.6667 = 0.87619
    // Thu18: n = 1, own 0.01/0.05 = 0.2 → 1/6·0.2 + 5/6·1 = 0.86667
    const slots = bestTimes(posts, 'Europe/Paris', defaults);
    expect(slots.map((s) => [s.weekday, s.hour, s.source, s.posts])).toEqual([
      [2, 12, 'default', 0],
      [1, 9, 'blend', 2],
      [3, 18, 'blend', 1],
    ]);
    expect(slots[0]?.score).toBeCloseTo(1.33333, 5);
    expect(slots[1]?.score).toBeCloseTo(0.87619, 5);
    expect(slots[1]?.meanRate).toBeCloseTo(0.07, 12);
    expect(slots[2]?.score).toBeCloseTo(0.86667, 5);
    expect(slots[0]?.meanRate).toBeNull();
  });

  it('reads slots in the creator time zone', () => {
    // the same instants in UTC land on 08:00 and 17:00, which no default covers (prior 1)
    const slots = bestTimes(posts, 'UTC', defaults, { top: 10 });
    expect(slots.find((s) => s.weekday === 1 && s.hour === 8)?.posts).toBe(2);
    expect(slots.find((s) => s.weekday === 1 && s.hour === 9)?.posts).toBe(0);
  });

  it('trusts a well-tried slot as "your data" and keeps untried own slots neutral', () => {
    // 10 posts Mon 10:00 UTC at 0.09 and 10 posts Fri 10:00 UTC at 0.03: mean 0.06.
    // Mon10: w = 10/15, own 1.5, prior 1 (not a default slot) → 2/3·1.5 + 1/3 = 1.33333
    // Fri10: 2/3·0.5 + 1/3 = 0.66667
    const many: TimedPost[] = [
      ...Array.from({ length: 10 }, (_, i) => ({
        publishedAt: `2025-03-${String(3 + 7 * (i % 4)).padStart(2, '0')}T10:00:00Z`,
        engagementRate: 0.09,
      })),
      ...Array.from({ length: 10 }, () => ({ publishedAt: '2025-03-07T10:00:00Z', engagementRate: 0.03 })),
    ];
    const slots = bestTimes(many, 'UTC', [], { top: 2 });
    expect(slots.map((s) => [s.weekday, s.hour, s.source])).toEqual([
      [0, 10, 'your data'],
      [4, 10, 'your data'],
    ]);
    expect(slots[0]?.score).toBeCloseTo(1.33333, 5);
    expect(slots[1]?.score).toBeCloseTo(0.66667, 5);
  });

  it('falls back to the defaults alone with no usable posts', () => {
    const slots = bestTimes([{ publishedAt: '2025-03-11T08:15:00Z', engagementRate: 0 }], 'UTC', defaults, { top: 1 });
    expect(slots).toEqual([{ weekday: 2, hour: 12, score: 4 / 3, posts: 0, meanRate: null, source: 'default' }]);
    expect(bestTimes([], 'UTC', [])).toEqual([]);
  });
});
