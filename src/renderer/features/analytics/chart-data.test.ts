import { describe, expect, it } from 'vitest';
import { alignSeries, barFractions, dayToSeconds, firstAndLast } from './chart-data';

describe('alignSeries', () => {
  it('puts every series on the union of days, with gaps as null', () => {
    const { days, data } = alignSeries([
      {
        label: 'a',
        points: [
          { day: '2026-01-02', value: 10 },
          { day: '2026-01-01', value: 5 },
        ],
      },
      { label: 'b', points: [{ day: '2026-01-03', value: 7 }] },
    ]);
    expect(days).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(data[0]).toEqual([dayToSeconds('2026-01-01'), dayToSeconds('2026-01-02'), dayToSeconds('2026-01-03')]);
    expect(data[1]).toEqual([5, 10, null]);
    expect(data[2]).toEqual([null, null, 7]);
  });

  it('returns only an empty x column for no series', () => {
    expect(alignSeries([])).toEqual({ days: [], data: [[]] });
  });

  it('counts days at UTC midnight', () => {
    expect(dayToSeconds('1970-01-02')).toBe(86_400);
  });
});

describe('barFractions', () => {
  it('scales to the largest value and treats missing or negative values as empty', () => {
    expect(barFractions([2, 4, null, -1])).toEqual([0.5, 1, 0, 0]);
    expect(barFractions([0, 0])).toEqual([0, 0]);
  });
});

describe('firstAndLast', () => {
  it('skips unknown values at either end', () => {
    expect(
      firstAndLast([
        { day: '2026-01-01', value: null },
        { day: '2026-01-02', value: 3 },
        { day: '2026-01-03', value: 9 },
        { day: '2026-01-04', value: null },
      ]),
    ).toEqual({ first: { day: '2026-01-02', value: 3 }, last: { day: '2026-01-03', value: 9 } });
    expect(firstAndLast([{ day: '2026-01-01', value: null }])).toBeNull();
  });
});
