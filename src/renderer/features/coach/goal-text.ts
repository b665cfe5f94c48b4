import type { GoalMetric, GoalStatus } from '../../../shared/domain/coach';
import { formatCalendarDate } from '../../ui/format';

export type GoalUnit = GoalStatus['unit'];

/** A goal value as the metric reads: "4,300", "3.2 %" (fractions are shown as percentages), "2,500.50". */
export function formatGoalValue(value: number, unit: GoalUnit, locale?: string): string {
  if (!Number.isFinite(value)) return '—';
  if (unit === 'fraction') {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value * 100)} %`;
  }
  const digits = unit === 'money' ? 2 : Math.abs(value) < 10 && !Number.isInteger(value) ? 1 : 0;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** "5,000 followers", "a 4 % engagement rate", "2,500 in revenue". */
export function describeTarget(metric: GoalMetric, target: number, unit: GoalUnit, locale?: string): string {
  const value = formatGoalValue(target, unit, locale);
  switch (metric) {
    case 'followers':
      return `${value} followers`;
    case 'impressions':
      return `${value} impressions`;
    case 'engagement_rate':
      return `a ${value} engagement rate`;
    case 'posts_published':
      return `${value} posts published`;
    case 'revenue':
      return `${value} in revenue`;
  }
}

/** A probability as a whole percentage that never claims certainty: "62 %", "< 1 %", "> 99 %". */
export function formatProbability(probability: number): string {
  const percent = probability * 100;
  if (percent > 0 && percent < 1) return '< 1 %';
  if (percent > 99 && percent < 100) return '> 99 %';
  return `${Math.round(percent)} %`;
}

/** How the forecast was made, in words: "from the trend of your last 90 days". */
export function methodText(method: 'drift' | 'trend', daysOfData: number): string {
  const days = daysOfData === 1 ? '1 day' : `${daysOfData} days`;
  return method === 'trend'
    ? `from the trend of your last ${days}`
    : `from the average daily change over your last ${days}`;
}

/** The longer explanation shown under the figure. */
export function methodExplanation(method: 'drift' | 'trend'): string {
  return method === 'trend'
    ? 'A straight line fitted to your daily values, carried to the deadline; the interval widens with how far your days scatter around that line.'
    : 'Your average daily change carried forward to the deadline; the interval widens with how much your daily changes vary.';
}

export type ProbabilityText =
  | { available: true; figure: string; headline: string; interval: string; method: string; sentence: string }
  | { available: false; reason: string };

/**
 * The success probability in plain words, e.g. "62 % chance to reach 5,000 followers by
 * Mar 31, 2027 — forecast 4,300–5,600 (80 % interval), from the trend of your last 90 days".
 */
export function probabilityText(status: GoalStatus, locale?: string): ProbabilityText {
  const { forecast, goal, unit } = status;
  if (!forecast.available) return { available: false, reason: forecast.reason };
  const figure = formatProbability(forecast.probability);
  const headline = `${figure} chance to reach ${describeTarget(goal.metric, goal.target, unit, locale)} by ${formatCalendarDate(goal.deadline, locale)}`;
  const interval = `forecast ${formatGoalValue(forecast.lower, unit, locale)}–${formatGoalValue(forecast.upper, unit, locale)} (${Math.round(forecast.level * 100)} % interval)`;
  const method = methodText(forecast.method, forecast.daysOfData);
  return { available: true, figure, headline, interval, method, sentence: `${headline} — ${interval}, ${method}` };
}

/** "3,200 now, up from 2,000 at the start: 40 % of the way." */
export function progressText(status: GoalStatus, locale?: string): string {
  const { unit, current, baseline, progressPercent } = status;
  if (status.series.length === 0)
    return 'No data for this metric yet: import your history or publish to start the line.';
  const now = `${formatGoalValue(current, unit, locale)} now`;
  const direction = current > baseline ? 'up from' : current < baseline ? 'down from' : 'the same as';
  const way = progressPercent === null ? '' : `: ${Math.round(progressPercent)} % of the way`;
  return `${now}, ${direction} ${formatGoalValue(baseline, unit, locale)} at the start${way}.`;
}

/** Ahead of or behind where the needed path is today. */
export function paceText(status: GoalStatus, locale?: string): string {
  const { unit, current, neededToday } = status;
  if (status.series.length === 0) return `The needed path is at ${formatGoalValue(neededToday, unit, locale)} today.`;
  const gap = current - neededToday;
  const rising = status.goal.target >= status.baseline;
  const needed = formatGoalValue(neededToday, unit, locale);
  if (Math.abs(gap) < 1e-9) return `Exactly on the needed path (${needed} today).`;
  const ahead = rising ? gap > 0 : gap < 0;
  return `${formatGoalValue(Math.abs(gap), unit, locale)} ${ahead ? 'ahead of' : 'behind'} the needed path (${needed} today).`;
}

/** "12 days left", "Due today", "3 days past the deadline". */
export function daysLeftText(days: number): string {
  if (days > 1) return `${days} days left`;
  if (days === 1) return '1 day left';
  if (days === 0) return 'Due today';
  return `${Math.abs(days)} day${days === -1 ? '' : 's'} past the deadline`;
}
