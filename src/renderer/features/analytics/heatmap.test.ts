import { describe, expect, it } from 'vitest';
import { heatmapGrid } from './heatmap';

describe('heatmapGrid', () => {
  it('fills every weekday and hour, shading by the best mean rate', () => {
    const grid = heatmapGrid([
      { weekday: 0, hour: 9, posts: 3, meanRate: 0.04 },
      { weekday: 6, hour: 23, posts: 1, meanRate: 0.02 },
      { weekday: 2, hour: 12, posts: 2, meanRate: null },
      { weekday: 3, hour: 8, posts: 0, meanRate: null },
    ]);
    expect(grid).toHaveLength(7);
    expect(grid.every((row) => row.length === 24)).toBe(true);
    expect(grid[0]?.[9]).toEqual({ weekday: 0, hour: 9, posts: 3, meanRate: 0.04, shade: 1 });
    expect(grid[6]?.[23]?.shade).toBe(0.5);
    expect(grid[2]?.[12]?.shade).toBe(0.08);
    expect(grid[3]?.[8]?.shade).toBe(0);
    expect(grid[1]?.[0]).toEqual({ weekday: 1, hour: 0, posts: 0, meanRate: null, shade: 0 });
  });

  it('gives an empty grid for no posts', () => {
    expect(
      heatmapGrid([])
        .flat()
        .every((cell) => cell.shade === 0),
    ).toBe(true);
  });
});
