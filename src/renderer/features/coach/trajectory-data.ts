import type uPlot from 'uplot';
import type { GoalStatus } from '../../../shared/domain/coach';
import { formatCalendarDate } from '../../ui/format';
import { formatGoalValue } from './goal-text';

/** A value on a calendar day (YYYY-MM-DD). */
export interface DayValue {
  date: string;
  value: number;
}

/** The forecast on a day ahead: the most likely value and the interval around it. */
export interface DayBand {
  date: string;
  point: number;
  lower: number;
  upper: number;
}

/** The three lines of the goal chart, each on its own days. */
export interface TrajectoryInput {
  actual: readonly DayValue[];
  needed: readonly DayValue[];
  forecast: readonly DayBand[];
}

/** One x position with every series' value there (null where a series has no point). */
export interface TrajectoryRow {
  date: string;
  actual: number | null;
  needed: number | null;
  point: number | null;
  lower: number | null;
  upper: number | null;
}

/** uPlot draws at most this many x positions; longer series are thinned, ends kept. */
export const MAX_CHART_POINTS = 400;

/**
 * Merges the series onto one sorted list of days. The forecast starts from the last actual value,
 * so the band visibly grows out of the line instead of floating after a gap.
 */
export function trajectoryRows(input: TrajectoryInput): TrajectoryRow[] {
  const rows = new Map<string, TrajectoryRow>();
  const row = (date: string): TrajectoryRow => {
    let found = rows.get(date);
    if (!found) {
      found = { date, actual: null, needed: null, point: null, lower: null, upper: null };
      rows.set(date, found);
    }
    return found;
  };
  for (const p of input.actual) row(p.date).actual = p.value;
  for (const p of input.needed) row(p.date).needed = p.value;
  for (const p of input.forecast) Object.assign(row(p.date), { point: p.point, lower: p.lower, upper: p.upper });

  const lastActual = [...input.actual].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  const firstForecast = [...input.forecast].sort((a, b) => a.date.localeCompare(b.date))[0];
  if (lastActual && firstForecast && lastActual.date < firstForecast.date) {
    Object.assign(row(lastActual.date), { point: lastActual.value, lower: lastActual.value, upper: lastActual.value });
  }
  return thin([...rows.values()].sort((a, b) => a.date.localeCompare(b.date)));
}

/** Keeps every n-th row (plus the first and last, and every row where the forecast starts). */
function thin(rows: TrajectoryRow[]): TrajectoryRow[] {
  if (rows.length <= MAX_CHART_POINTS) return rows;
  const step = Math.ceil(rows.length / MAX_CHART_POINTS);
  return rows.filter((r, i, all) => {
    if (i === 0 || i === all.length - 1 || i % step === 0) return true;
    const previous = all[i - 1];
    // The row where the band begins must survive, or the band would start later than the line ends.
    return r.point !== null && previous !== undefined && previous.point === null;
  });
}

/** The rows as uPlot's columns: x in seconds (UTC midnight), actual, needed, forecast, upper, lower. */
export function trajectoryChartData(rows: readonly TrajectoryRow[]): uPlot.AlignedData {
  return [
    rows.map((r) => Date.parse(`${r.date}T00:00:00Z`) / 1000),
    rows.map((r) => r.actual),
    rows.map((r) => r.needed),
    rows.map((r) => r.point),
    rows.map((r) => r.upper),
    rows.map((r) => r.lower),
  ];
}

/** Builds the chart's input from a goal status: the actual series, the needed path and the forecast band. */
export function trajectoryInput(status: Pick<GoalStatus, 'series' | 'needed' | 'forecast'>): TrajectoryInput {
  return {
    actual: status.series,
    needed: status.needed,
    forecast: status.forecast.available ? status.forecast.path : [],
  };
}

/**
 * The chart in one or two sentences, for screen readers and for anyone who reads faster than
 * they read charts.
 */
export function trajectorySummary(status: GoalStatus, locale?: string): string {
  const f = (v: number) => formatGoalValue(v, status.unit, locale);
  const deadline = formatCalendarDate(status.goal.deadline, locale);
  const parts = [
    status.series.length > 0 ? `Actual: ${f(status.current)} today.` : 'No actual values yet.',
    `Needed: ${f(status.neededToday)} today, ${f(status.goal.target)} by ${deadline}.`,
  ];
  const { forecast } = status;
  if (forecast.available) {
    parts.push(
      `Forecast for ${deadline}: ${f(forecast.point)} (${Math.round(forecast.level * 100)} % interval ${f(forecast.lower)}–${f(forecast.upper)}).`,
    );
  } else {
    parts.push('No forecast yet.');
  }
  return parts.join(' ');
}
