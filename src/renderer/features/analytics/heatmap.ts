import type { HeatmapCell } from '../../../shared/domain/analytics';

/** One hour of one weekday as drawn: its posts, mean rate and 0..1 shade (0 = no posts). */
export interface GridCell {
  weekday: number;
  hour: number;
  posts: number;
  meanRate: number | null;
  shade: number;
}

/**
 * A full 7 × 24 grid (Monday first) from the cells the core sent (it may leave empty slots out).
 * Shades are relative to the best mean rate, so the best slot is darkest whatever the scale.
 */
export function heatmapGrid(cells: readonly HeatmapCell[]): GridCell[][] {
  const byKey = new Map(cells.map((c) => [c.weekday * 24 + c.hour, c]));
  const max = Math.max(0, ...cells.map((c) => (c.posts > 0 ? (c.meanRate ?? 0) : 0)));
  return Array.from({ length: 7 }, (_, weekday) =>
    Array.from({ length: 24 }, (_, hour) => {
      const cell = byKey.get(weekday * 24 + hour);
      const posts = cell?.posts ?? 0;
      const meanRate = posts > 0 ? (cell?.meanRate ?? null) : null;
      // A slot with posts but no computable rate still shows faintly, so it does not read as empty.
      const shade = posts === 0 ? 0 : max > 0 && meanRate !== null ? Math.max(0.08, meanRate / max) : 0.08;
      return { weekday, hour, posts, meanRate, shade };
    }),
  );
}
