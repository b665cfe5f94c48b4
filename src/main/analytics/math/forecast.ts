import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

export type ForecastMethod = 'drift' | 'trend';

/** A forecast at one horizon: point, central interval at `level`, and the t predictive distribution behind it. */
export interface Forecast {
  insufficient: false;
  point: number;
  lower: number;
  upper: number;
  level: number;
  /** Scale of the Student t predictive distribution (not the interval half-width). */
  sd: number;
  df: number;
  method: ForecastMethod;
  /** Number of observed points the model was fitted on. */
  n: number;
}

export interface InsufficientData {
  insufficient: true;
  reason: string;
}

/** Point and bounds for each day 1..h ahead, for drawing the forecast band. */
export interface ForecastPath {
  insufficient: false;
  method: ForecastMethod;
  level: number;
  df: number;
  n: number;
  days: { day: number; point: number; lower: number; upper: number }[];
}

/** Fewer than a week of points gives a standard deviation too unstable to print an interval from. */
export const MIN_FORECAST_POINTS = 7;

interface Predictive {
  df: number;
  at: (h: number) => { point: number; sd: number };
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Random walk with drift: y[t+1] = y[t] + μ + noise, fitted on the daily differences. */
function driftModel(values: readonly number[]): Predictive {
  const diffs = values.slice(1).map((v, i) => v - (values[i] as number));
  const n = diffs.length;
  const mu = mean(diffs);
  const sigma = Math.sqrt(diffs.reduce((s, d) => s + (d - mu) ** 2, 0) / (n - 1));
  const last = values[values.length - 1] as number;
  // h future shocks add hσ²; the estimated drift is off by σ²/n per step, squared over h steps.
  return { df: n - 1, at: (h) => ({ point: last + h * mu, sd: sigma * Math.sqrt(h + (h * h) / n) }) };
}

/** Ordinary least squares line through (0, y0) … (n−1, y[n−1]). */
function trendModel(values: readonly number[]): Predictive {
  const n = values.length;
  const xBar = (n - 1) / 2;
  const yBar = mean(values);
  let sxx = 0;
  let sxy = 0;
  values.forEach((y, x) => {
    sxx += (x - xBar) ** 2;
    sxy += (x - xBar) * (y - yBar);
  });
  const slope = sxy / sxx;
  const intercept = yBar - slope * xBar;
  const sse = values.reduce((s, y, x) => s + (y - intercept - slope * x) ** 2, 0);
  const se = Math.sqrt(sse / (n - 2));
  return {
    df: n - 2,
    at: (h) => {
      const x0 = n - 1 + h;
      return { point: intercept + slope * x0, sd: se * Math.sqrt(1 + 1 / n + (x0 - xBar) ** 2 / sxx) };
    },
  };
}

function fit(method: ForecastMethod, values: readonly number[], level: number): Predictive | InsufficientData {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be between 0 and 1, got ${level}`);
  if (values.length < MIN_FORECAST_POINTS) {
    return {
      insufficient: true,
      reason: `Need at least ${MIN_FORECAST_POINTS} days of data to forecast; have ${values.length}.`,
    };
  }
  if (!values.every(Number.isFinite)) {
    return { insufficient: true, reason: 'Some days have no value; fill the series before forecasting.' };
  }
  return method === 'drift' ? driftModel(values) : trendModel(values);
}

function checkHorizon(h: number): void {
  if (!(Number.isFinite(h) && h >= 0)) throw new RangeError(`horizon must be a non-negative number, got ${h}`);
}

function interval(
  p: Predictive,
  h: number,
  level: number,
): { point: number; sd: number; lower: number; upper: number } {
  const { point, sd } = p.at(h);
  const half = sd === 0 ? 0 : tQuantile((1 + level) / 2, p.df) * sd;
  return { point, sd, lower: point - half, upper: point + half };
}

function forecastWith(method: ForecastMethod, values: readonly number[], h: number, level: number) {
  checkHorizon(h);
  const p = fit(method, values, level);
  if ('insufficient' in p) return p;
  return { insufficient: false as const, ...interval(p, h, level), level, df: p.df, method, n: values.length };
}

/**
 * Forecast for levels that accumulate (followers, cumulative views): a random walk with drift on the
 * daily differences. Chosen over a fitted line because such series wander: their errors pile up,
 * so the interval must widen like √h, plus h²/n for the uncertainty of the drift itself. The
 * interval uses Student t with n−1 df (n = number of differences) because σ is estimated.
 * `values` are daily levels, oldest first, equally spaced.
 */
export function forecastDrift(
  values: readonly number[],
  horizonDays: number,
  level = 0.8,
): Forecast | InsufficientData {
  return forecastWith('drift', values, horizonDays, level);
}

/**
 * Forecast for noisy levels around a slow trend (engagement rate): an OLS line with the classical
 * prediction interval se·√(1 + 1/n + (x0 − x̄)²/Sxx) and Student t with n−2 df. Chosen because each
 * day's noise does not carry over, so a random walk would exaggerate the spread.
 */
export function forecastTrend(
  values: readonly number[],
  horizonDays: number,
  level = 0.8,
): Forecast | InsufficientData {
  return forecastWith('trend', values, horizonDays, level);
}

/** P(value at the horizon ≥ target) under the forecast's own t predictive distribution. */
export function probabilityAtLeast(forecast: Forecast, target: number): number {
  if (forecast.sd === 0) return forecast.point >= target ? 1 : 0;
  // By symmetry of t: P(T ≥ (target − point)/sd) = F((point − target)/sd), accurate in both tails.
  return tCdf((forecast.point - target) / forecast.sd, forecast.df);
}

/** The point and bounds for each day 1..horizonDays, for a chart of the forecast band. */
export function forecastPath(
  method: ForecastMethod,
  values: readonly number[],
  horizonDays: number,
  level = 0.8,
): ForecastPath | InsufficientData {
  checkHorizon(horizonDays);
  const p = fit(method, values, level);
  if ('insufficient' in p) return p;
  const days = Array.from({ length: Math.floor(horizonDays) }, (_, i) => {
    const { point, lower, upper } = interval(p, i + 1, level);
    return { day: i + 1, point, lower, upper };
  });
  return { insufficient: false, method, level, df: p.df, n: values.length, days };
}
