import 'uplot/dist/uPlot.min.css';
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import { useTheme } from '../../app/theme.store';
import { formatCalendarDate, formatNumber } from '../../ui/format';
import { alignSeries, type LineSeries } from './chart-data';
import { lineChartOptions, type LineStyle } from './line-chart-options';

export interface ChartLine extends LineSeries, Omit<LineStyle, 'label'> {}

const HEIGHT = 240;

/**
 * Lines over days, drawn by uPlot (loaded with this chunk only). The canvas is hidden from screen
 * readers; the figure is named by `label` and carries the same numbers as a table.
 */
export default function LineChart({
  label,
  lines,
  formatValue,
}: {
  label: string;
  lines: readonly ChartLine[];
  formatValue?: (value: number) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useTheme((s) => s.resolved);
  const aligned = useMemo(() => alignSeries(lines), [lines]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const options = lineChartOptions(theme, lines, element.clientWidth || 600, HEIGHT, formatValue);
    const plot = new uPlot(options, aligned.data, element);
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0) plot.setSize({ width, height: HEIGHT });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [aligned, lines, theme, formatValue]);

  const show = formatValue ?? formatNumber;
  return (
    <figure role="figure" aria-label={label}>
      <div ref={box} aria-hidden="true" className="analytics-chart w-full text-xs text-zinc-600 dark:text-zinc-400" />
      <table className="sr-only">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {lines.map((line) => (
              <th key={line.label} scope="col">
                {line.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {aligned.days.map((day, row) => (
            <tr key={day}>
              <th scope="row">{formatCalendarDate(day)}</th>
              {lines.map((line, column) => {
                const value = aligned.data[column + 1]?.[row];
                return <td key={line.label}>{typeof value === 'number' ? show(value) : '—'}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
