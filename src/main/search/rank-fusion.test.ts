import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './rank-fusion';

describe('reciprocalRankFusion', () => {
  it('ranks what both lists found above what one found, by 1/(k + rank)', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['c', 'd'],
    ]);
    // b and d tie at 1/62; the tie keeps the first list's order.
    expect(fused.map((f) => f.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(fused[0]?.score).toBeCloseTo(1 / 63 + 1 / 61, 12);
    expect(fused[1]?.score).toBeCloseTo(1 / 61, 12);
  });

  it('keeps one list as it was', () => {
    expect(reciprocalRankFusion([['x', 'y'], []]).map((f) => f.id)).toEqual(['x', 'y']);
  });
});
