import uPlot from 'uplot';

const COLORS = {
  light: {
    text: '#52525b',
    grid: '#e4e4e7',
    actual: '#4f46e5',
    needed: '#d97706',
    forecast: '#059669',
    band: '#05966926',
  },
  dark: {
    text: '#a1a1aa',
    grid: '#27272a',
    actual: '#818cf8',
    needed: '#fbbf24',
    forecast: '#34d399',
    band: '#34d39933',
  },
};

/**
 * Actual as a solid line, needed as a dashed line, the forecast as a dotted line inside its
 * shaded interval (a uPlot band between the upper and lower series). `format` prints values
 * the way the goal's metric reads ("4,300", "3.2 %").
 */
export function trajectoryOptions(
  theme: 'light' | 'dark',
  width: number,
  height: number,
  format: (value: number) => string,
  intervalLabel: string,
): uPlot.Options {
  const c = COLORS[theme];
  const axis = { stroke: c.text, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } };
  const value = (_u: uPlot, v: number | null) => (v === null ? '—' : format(v));
  return {
    width,
    height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    cursor: { y: false },
    legend: { show: true, live: true },
    scales: { x: { time: true } },
    series: [
      { label: 'Day', value: '{MMM} {D}, {YYYY}' },
      { label: 'Actual', stroke: c.actual, width: 2, value, points: { show: false }, spanGaps: true },
      { label: 'Needed', stroke: c.needed, width: 2, dash: [6, 4], value, points: { show: false }, spanGaps: true },
      {
        label: 'Forecast',
        stroke: c.forecast,
        width: 2,
        dash: [2, 3],
        points: { show: false },
        // The legend shows the interval with the forecast, so the band's own series stay out of it.
        value: (u, v, _s, idx) => {
          if (v === null || idx === null) return '—';
          const upper = u.data[4]?.[idx];
          const lower = u.data[5]?.[idx];
          if (upper == null || lower == null || upper === lower) return format(v);
          return `${format(v)} (${intervalLabel} ${format(lower)}–${format(upper)})`;
        },
      },
      { label: `${intervalLabel} high`, stroke: 'transparent', width: 0, value, points: { show: false } },
      { label: `${intervalLabel} low`, stroke: 'transparent', width: 0, value, points: { show: false } },
    ],
    bands: [{ series: [4, 5], fill: c.band }],
    axes: [
      { ...axis, grid: { show: false } },
      { ...axis, size: 64, values: (_u, splits) => splits.map((v) => format(v)) },
    ],
  };
}
