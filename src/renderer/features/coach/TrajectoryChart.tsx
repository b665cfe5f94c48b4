import 'uplot/dist/uPlot.min.css';
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import type { GoalStatus } from '../../../shared/domain/coach';
import { useTheme } from '../../app/theme.store';
import { formatGoalValue } from './goal-text';
import { trajectoryChartData, trajectoryInput, trajectoryRows } from './trajectory-data';
import { trajectoryOptions } from './trajectory-options';

const HEIGHT = 260;

/** The accessible name the e2e journey looks for. */
export const TRAJECTORY_LABEL = 'Goal trajectory: actual, needed and forecast';

/**
 * Actual vs needed trajectory with the forecast band to the deadline (uPlot, loaded with this
 * chunk only). The canvas is one image for assistive technology, described by the summary.
 */
export default function TrajectoryChart({ status, summaryId }: { status: GoalStatus; summaryId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useTheme((s) => s.resolved);
  const rows = useMemo(() => trajectoryRows(trajectoryInput(status)), [status]);
  const level = status.forecast.available ? Math.round(status.forecast.level * 100) : 80;

  useEffect(() => {
    const element = box.current;
    if (!element || rows.length === 0) return;
    const format = (v: number) => formatGoalValue(v, status.unit);
    const options = trajectoryOptions(theme, element.clientWidth || 600, HEIGHT, format, `${level} % interval`);
    const plot = new uPlot(options, trajectoryChartData(rows), element);
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0) plot.setSize({ width, height: HEIGHT });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [rows, theme, status.unit, level]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={TRAJECTORY_LABEL}
      aria-describedby={summaryId}
      className="w-full text-xs text-zinc-600 dark:text-zinc-400 [&_.u-legend_.u-series:nth-child(n+5)]:hidden!"
    />
  );
}
