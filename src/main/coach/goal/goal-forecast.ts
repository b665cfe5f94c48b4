import type { GoalForecast, GoalMetric } from '../../../shared/domain/coach';
import {
  forecastDrift,
  forecastPath,
  forecastTrend,
  MIN_FORECAST_POINTS,
  probabilityAtLeast,
} from '../../analytics/math/forecast';
import { shiftDay } from '../local-day';

/** Days of history the forecast is fitted on, at most: recent behaviour, not last year's. */
export const FIT_WINDOW_DAYS = 90;
export const FORECAST_LEVEL = 0.8;

/**
 * The goal metric at the deadline, with an 80 % interval, its band path and P(reaching the target).
 * Rates (engagement) wobble around a slow trend, so they get a fitted line; everything that
 * accumulates (followers, counts, money, trailing sums) gets a random walk with drift.
 */
export function goalForecast(
  metric: GoalMetric,
  fitValues: readonly number[],
  today: string,
  horizonDays: number,
  target: number,
): GoalForecast {
  if (fitValues.length < MIN_FORECAST_POINTS) {
    return {
      available: false,
      reason: `Not enough data yet: ${fitValues.length} ${fitValues.length === 1 ? 'day' : 'days'} of data, need ${MIN_FORECAST_POINTS}.`,
      daysOfData: fitValues.length,
      daysNeeded: MIN_FORECAST_POINTS,
    };
  }
  const method = metric === 'engagement_rate' ? 'trend' : 'drift';
  const h = Math.max(0, horizonDays);
  const at =
    method === 'trend' ? forecastTrend(fitValues, h, FORECAST_LEVEL) : forecastDrift(fitValues, h, FORECAST_LEVEL);
  const path = forecastPath(method, fitValues, h, FORECAST_LEVEL);
  if (at.insufficient || path.insufficient) {
    const reason = at.insufficient ? at.reason : path.insufficient ? path.reason : '';
    return { available: false, reason, daysOfData: fitValues.length, daysNeeded: MIN_FORECAST_POINTS };
  }
  // A rate cannot go below 0; neither can a level that only grows from a non-negative start.
  const floor = (v: number) => Math.max(0, v);
  return {
    available: true,
    method,
    point: floor(at.point),
    lower: floor(at.lower),
    upper: floor(at.upper),
    level: FORECAST_LEVEL,
    probability: probabilityAtLeast(at, target),
    daysOfData: fitValues.length,
    path: path.days.map((d) => ({
      date: shiftDay(today, d.day),
      point: floor(d.point),
      lower: floor(d.lower),
      upper: floor(d.upper),
    })),
  };
}
