import type uPlot from 'uplot';

/** One value on one calendar day (YYYY-MM-DD). */
export interface DayValue {
  day: string;
  value: number | null;
}

/** A named line: e.g. one account's followers, or the total. */
export interface LineSeries {
  label: string;
  points: readonly DayValue[];
}

/** Seconds since the epoch at UTC midnight of a day; uPlot's x values, shown in UTC so days never shift. */
export function dayToSeconds(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

/**
 * The lines as uPlot columns over the union of their days (sorted): x, then one column per series
 * with null where that series has no value, so a gap is drawn as a gap, never as zero.
 */
export function alignSeries(series: readonly LineSeries[]): { days: string[]; data: uPlot.AlignedData } {
  const days = [...new Set(series.flatMap((s) => s.points.map((p) => p.day)))].sort();
  const columns = series.map((s) => {
    const byDay = new Map(s.points.map((p) => [p.day, p.value]));
    return days.map((day) => byDay.get(day) ?? null);
  });
  return { days, data: [days.map(dayToSeconds), ...columns] as uPlot.AlignedData };
}

/** A line colour that follows the theme: near-black in light mode, near-white in dark mode (totals). */
export const STRONG_LINE = 'strong';

/** Colours for lines when a series has no platform colour; each readable on light and dark. */
export const LINE_PALETTE = ['#6366f1', '#059669', '#d97706', '#db2777', '#0284c7', '#7c3aed', '#dc2626', '#65a30d'];

/** Hex colours per platform for charts (the badges use Tailwind classes; uPlot needs real colours). */
export const PLATFORM_HEX: Record<string, string> = {
  x: '#71717a',
  linkedin: '#0369a1',
  instagram: '#ec4899',
  facebook: '#2563eb',
  youtube: '#dc2626',
  tiktok: '#14b8a6',
  threads: '#52525b',
  bluesky: '#0ea5e9',
  mastodon: '#7c3aed',
};

/** A bar's width relative to the largest value (0..1); zero when nothing is positive. */
export function barFractions(values: readonly (number | null)[]): number[] {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return values.map((v) => (max > 0 && v !== null && v > 0 ? v / max : 0));
}

/** The first and last non-null value of a line, for the screen-reader summary of a chart. */
export function firstAndLast(points: readonly DayValue[]): { first: DayValue; last: DayValue } | null {
  const known = points.filter((p) => p.value !== null);
  const first = known[0];
  const last = known[known.length - 1];
  return first && last ? { first, last } : null;
}
