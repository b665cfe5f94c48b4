import uPlot from 'uplot';
import { formatUsd } from './ai-format';
import type { DayPoint } from './usage-data';

const COLORS = {
  light: { text: '#52525b', grid: '#e4e4e7', bars: '#6366f1', line: '#059669' },
  dark: { text: '#a1a1aa', grid: '#27272a', bars: '#818cf8', line: '#34d399' },
};

/** Days as uPlot's columns: x in seconds (UTC midnight), generations, cost. */
export function chartData(points: readonly DayPoint[]): uPlot.AlignedData {
  return [
    points.map((p) => Date.parse(`${p.day}T00:00:00Z`) / 1000),
    points.map((p) => p.calls),
    points.map((p) => p.costUsd),
  ];
}

/** Generations as bars on the left axis, cost as a line on the right; days shown in UTC like the report. */
export function chartOptions(theme: 'light' | 'dark', width: number, height: number): uPlot.Options {
  const c = COLORS[theme];
  const axis = { stroke: c.text, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } };
  return {
    width,
    height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    cursor: { y: false, points: { show: false } },
    legend: { show: true, live: true },
    scales: {
      x: { time: true },
      calls: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      usd: { range: (_u, _min, max) => [0, Math.max(0.01, max)] },
    },
    series: [
      { label: 'Day', value: '{MMM} {D}' },
      {
        label: 'Generations',
        scale: 'calls',
        stroke: c.bars,
        fill: `${c.bars}cc`,
        width: 0,
        paths: uPlot.paths.bars?.({ size: [0.6, 28], radius: 0.2 }),
        points: { show: false },
      },
      {
        label: 'Cost',
        scale: 'usd',
        stroke: c.line,
        width: 2,
        value: (_u, v) => (v === null ? '—' : formatUsd(v)),
        points: { show: false },
      },
    ],
    axes: [
      { ...axis, grid: { show: false } },
      { ...axis, scale: 'calls', values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
      {
        ...axis,
        scale: 'usd',
        side: 1,
        grid: { show: false },
        size: 64,
        values: (_u, splits) => splits.map((v) => formatUsd(v)),
      },
    ],
  };
}
