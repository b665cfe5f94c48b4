import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { useTheme } from '../../app/theme.store';
import { formatCalendarDate, formatNumber } from '../../ui/format';
import { formatUsd } from './ai-format';
import { chartData, chartOptions } from './chart-options';
import type { DayPoint } from './usage-data';

const HEIGHT = 220;

/** Generations and cost per day (uPlot, loaded with this chunk only), with the numbers as a table for screen readers. */
export default function CostChart({ points }: { points: DayPoint[] }) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useTheme((s) => s.resolved);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const plot = new uPlot(chartOptions(theme, element.clientWidth || 600, HEIGHT), chartData(points), element);
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0) plot.setSize({ width, height: HEIGHT });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [points, theme]);

  const withUsage = points.filter((p) => p.calls > 0 || p.costUsd > 0);
  return (
    <figure>
      <figcaption className="mb-3 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Cost by day</figcaption>
      <div ref={box} aria-hidden="true" className="ai-chart w-full text-xs text-zinc-600 dark:text-zinc-400" />
      <table className="sr-only">
        <caption>Generations and cost by day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Generations</th>
            <th scope="col">Cost</th>
          </tr>
        </thead>
        <tbody>
          {withUsage.map((p) => (
            <tr key={p.day}>
              <th scope="row">{formatCalendarDate(p.day)}</th>
              <td>{formatNumber(p.calls)}</td>
              <td>{formatUsd(p.costUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
