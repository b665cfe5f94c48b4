import { describe, expect, it } from 'vitest';
import type { PlanningSlot } from '../../shared/domain/planning';
import { freeSlots, slotOccurrences } from './free-slots';

const slot = (weekday: number, hour: number, minute = 0): PlanningSlot => ({
  weekday,
  hour,
  minute,
  label: '',
  origin: 'custom',
  evidence: null,
  score: null,
  why: 'one of your slots',
});
const ms = (iso: string): number => Date.parse(iso);
const NY = 'America/New_York';

describe('slot occurrences across DST (New York)', () => {
  it.each([
    // Sunday 8 March 2026: 02:00–03:00 does not exist; 02:30 moves to 03:30 EDT.
    [
      'a skipped wall time moves forward by the gap',
      [slot(6, 2, 30)],
      '2026-03-08T00:00:00Z',
      1,
      ['2026-03-08T07:30:00.000Z'],
    ],
    // 02:00 lands on 03:00, the same instant as the 03:00 slot: counted once.
    [
      'two slots landing on one instant count once',
      [slot(6, 2), slot(6, 3)],
      '2026-03-08T00:00:00Z',
      1,
      ['2026-03-08T07:00:00.000Z'],
    ],
    // Sunday 1 November 2026: 01:30 happens twice; the first (EDT) is taken.
    [
      'a repeated wall time takes its first occurrence',
      [slot(6, 1, 30)],
      '2026-11-01T00:00:00Z',
      1,
      ['2026-11-01T05:30:00.000Z'],
    ],
    // The same 09:00 Tuesday slot before and after the change: 14:00 UTC (EST), then 13:00 UTC (EDT).
    [
      'a weekly slot keeps its local time',
      [slot(1, 9)],
      '2026-03-01T00:00:00Z',
      12,
      ['2026-03-03T14:00:00.000Z', '2026-03-10T13:00:00.000Z'],
    ],
  ])('%s', (_, slots, from, days, expected) => {
    const fromMs = ms(from);
    const got = slotOccurrences(slots, NY, fromMs, fromMs + days * 86_400_000).map((o) =>
      new Date(o.atMs).toISOString(),
    );
    expect(got).toEqual(expected);
  });

  it('labels a shifted slot with the real local time', () => {
    const [free] = freeSlots({
      platform: 'x',
      slots: [slot(6, 2, 30)],
      timezone: NY,
      fromMs: ms('2026-03-08T00:00:00Z'),
      toMs: ms('2026-03-09T00:00:00Z'),
      takenMs: [],
      windowMs: 3_600_000,
    });
    expect(free).toMatchObject({
      label: 'Sunday 03:30',
      day: '2026-03-08',
      time: '03:30',
      reason: 'Sunday 03:30 — one of your slots',
    });
  });

  it('excludes both ends and honours the limit and the window', () => {
    const fromMs = ms('2026-03-03T14:00:00Z'); // exactly Tuesday 09:00: not "after"
    const got = freeSlots({
      platform: 'x',
      slots: [slot(1, 9), slot(2, 9)],
      timezone: NY,
      fromMs,
      toMs: ms('2026-03-11T14:00:00Z'),
      takenMs: [ms('2026-03-04T14:59:00Z')], // 59 minutes after Wednesday 09:00
      windowMs: 3_600_000,
      limit: 1,
    });
    expect(got.map((f) => f.at)).toEqual(['2026-03-10T13:00:00.000Z']);
  });
});
