import { describe, expect, it } from 'vitest';
import { growthLines } from './growth-lines';

const series = (start: number) => [
  { date: '2026-01-01', followers: start },
  { date: '2026-01-02', followers: start + 5 },
];

describe('growthLines', () => {
  it('draws one line per account and a bold total when there are several', () => {
    const lines = growthLines({
      accounts: [
        { accountId: 'a', platform: 'instagram', handle: 'maya', series: series(100) },
        { accountId: 'b', platform: 'x', handle: '@maya_x', series: series(50) },
      ],
      total: series(150),
    });
    expect(lines.map((l) => l.label)).toEqual(['@maya · Instagram', '@maya_x · X', 'All accounts']);
    expect(lines[2]?.bold).toBe(true);
    expect(lines[0]?.points).toEqual([
      { day: '2026-01-01', value: 100 },
      { day: '2026-01-02', value: 105 },
    ]);
  });

  it('leaves the total out for a single account, and colours two accounts on one platform apart', () => {
    expect(
      growthLines({
        accounts: [{ accountId: 'a', platform: 'x', handle: 'one', series: series(1) }],
        total: series(1),
      }),
    ).toHaveLength(1);
    const two = growthLines({
      accounts: [
        { accountId: 'a', platform: 'x', handle: 'one', series: series(1) },
        { accountId: 'b', platform: 'x', handle: 'two', series: series(1) },
      ],
      total: series(2),
    });
    expect(two[0]?.color).not.toBe(two[1]?.color);
  });
});
