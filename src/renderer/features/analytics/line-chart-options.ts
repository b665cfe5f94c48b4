import uPlot from 'uplot';
import { formatCompact } from './analytics-format';
import { STRONG_LINE } from './chart-data';

const THEME = {
  light: { text: '#52525b', grid: '#e4e4e7', strong: '#18181b' },
  dark: { text: '#a1a1aa', grid: '#27272a', strong: '#f4f4f5' },
};

/** One drawn line: its label and colour; `bold` for the total. */
export interface LineStyle {
  label: string;
  color: string;
  bold?: boolean;
  dashed?: boolean;
}

/** Lines over days (x in UTC seconds, shown in UTC so calendar days never shift), compact y labels. */
export function lineChartOptions(
  theme: 'light' | 'dark',
  lines: readonly LineStyle[],
  width: number,
  height: number,
  formatValue: (value: number) => string = formatCompact,
): uPlot.Options {
  const c = THEME[theme];
  const axis = { stroke: c.text, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } };
  return {
    width,
    height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    cursor: { y: false },
    legend: { show: true, live: true },
    scales: { x: { time: true } },
    series: [
      { label: 'Day', value: '{MMM} {D}, {YYYY}' },
      ...lines.map((line) => ({
        label: line.label,
        stroke: line.color === STRONG_LINE ? c.strong : line.color,
        width: line.bold ? 2.5 : 1.5,
        ...(line.dashed ? { dash: [6, 4] } : {}),
        spanGaps: true,
        points: { show: false },
        value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatValue(v)),
      })),
    ],
    axes: [
      { ...axis, grid: { show: false } },
      { ...axis, size: 56, values: (_u, splits) => splits.map((v) => formatValue(v)) },
    ],
  };
}
