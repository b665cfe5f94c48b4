import { describe, expect, it } from 'vitest';
import type { FreeSlot } from '../../shared/domain/planning';
import { chooseAbSlots } from './ab-slots';

const free = (day: string, time: string, score: number | null): FreeSlot => ({
  platform: 'x',
  at: `${day}T${time}:00.000Z`,
  day,
  weekday: (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7,
  time,
  label: `${day} ${time}`,
  origin: 'best-time',
  evidence: 'default',
  score,
  why: '',
  reason: '',
});

describe('chooseAbSlots', () => {
  it.each([
    ['nothing free', [], null],
    ['one lone slot', [free('2026-12-01', '09:00', 1)], null],
    [
      'only a weekly pair',
      [free('2026-12-01', '09:00', null), free('2026-12-08', '09:00', null)],
      ['same-slot-next-week', '2026-12-01', '2026-12-08'],
    ],
    [
      'only adjacent days with the same score',
      [free('2026-12-01', '09:00', 1.2), free('2026-12-02', '10:00', 1.2)],
      ['adjacent-days', '2026-12-01', '2026-12-02'],
    ],
    [
      'adjacent days with different scores are not comparable',
      [free('2026-12-01', '09:00', 1.2), free('2026-12-02', '10:00', 1)],
      null,
    ],
    [
      'a tie in score goes to the weekly pair when it starts first',
      [free('2026-12-01', '09:00', 1), free('2026-12-02', '09:00', 1), free('2026-12-08', '09:00', 1)],
      ['same-slot-next-week', '2026-12-01', '2026-12-08'],
    ],
    [
      'the highest-rated adjacent pair wins over an earlier lower one',
      [
        free('2026-12-01', '09:00', 1),
        free('2026-12-02', '09:00', 1),
        free('2026-12-03', '09:00', 1.5),
        free('2026-12-04', '09:00', 1.5),
      ],
      ['adjacent-days', '2026-12-03', '2026-12-04'],
    ],
  ])('%s', (_, slots, expected) => {
    const choice = chooseAbSlots(slots);
    expect(choice && [choice.strategy, choice.first.day, choice.second.day]).toEqual(expected);
  });
});
