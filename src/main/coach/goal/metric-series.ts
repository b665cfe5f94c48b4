import type { GoalMetric } from '../../../shared/domain/coach';
import { engagementsOf, exposureOf } from '../../analytics/math/engagement';
import type { CoachPublication, FollowerPoint } from '../coach-data.reader';
import { dayRange, localDay, shiftDay } from '../local-day';

/** What each goal metric's daily value is, in the words the goal page shows. */
export const METRIC_DEFINITIONS: Record<GoalMetric, string> = {
  followers:
    'Followers: each day, the sum over your accounts of the last known follower count (a day without a count keeps the previous one).',
  impressions: 'Impressions: each day, the impressions of the posts you published in the 30 days up to that day.',
  engagement_rate:
    "Engagement rate: each day, the engagements divided by the exposure (each platform's own denominator) of the posts you published in the 30 days up to that day.",
  posts_published: 'Posts published: the number of posts you published since the goal started.',
  revenue: 'Revenue: the total of your revenue entries since the goal started.',
};

export const METRIC_UNITS: Record<GoalMetric, 'count' | 'fraction' | 'money'> = {
  followers: 'count',
  impressions: 'count',
  engagement_rate: 'fraction',
  posts_published: 'count',
  revenue: 'money',
};

/**
 * The goal's target in the unit of the metric's series: the profile asks for an engagement rate
 * in percent ("5" for 5 %), while the series are fractions (0.05).
 */
export function targetInSeriesUnits(metric: GoalMetric, target: number): number {
  return METRIC_UNITS[metric] === 'fraction' ? target / 100 : target;
}

/** Metrics counted from the goal's start (0 at the start) rather than read as a level. */
export const CUMULATIVE_METRICS: ReadonlySet<GoalMetric> = new Set(['posts_published', 'revenue']);

export interface MetricInputs {
  publications: readonly CoachPublication[];
  followerDays: readonly FollowerPoint[];
  revenue: readonly { amount: number; occurredAt: string }[];
}

export interface DailyValues {
  days: string[];
  /** null: no data for that day yet (before the first measurement). */
  values: (number | null)[];
  /** The first day the metric has real data (null: none at all). */
  firstDataDay: string | null;
}

const TRAILING_DAYS = 30;

/**
 * The metric's value on every day from `from` to `to` (creator-local days). Cumulative metrics
 * are offset so the day before `startDay` is 0: days before the start come out negative, which
 * keeps their daily differences (what the drift model fits) true.
 */
export function dailyValues(
  metric: GoalMetric,
  input: MetricInputs,
  range: { from: string; to: string; startDay: string; timezone: string },
): DailyValues {
  const days = dayRange(range.from, range.to);
  switch (metric) {
    case 'followers':
      return followers(days, input.followerDays);
    case 'impressions':
      return trailingImpressions(days, input.publications, range.timezone);
    case 'engagement_rate':
      return trailingEngagement(days, input, range.timezone);
    case 'posts_published':
      return cumulative(days, firstPublications(input.publications, range.timezone), range.startDay);
    case 'revenue':
      return cumulative(
        days,
        input.revenue.map((r) => ({ day: localDay(r.occurredAt, range.timezone), amount: r.amount })),
        range.startDay,
      );
  }
}

function followers(days: string[], points: readonly FollowerPoint[]): DailyValues {
  const last = new Map<string, number>();
  const values: (number | null)[] = [];
  let i = 0;
  for (const day of days) {
    while (i < points.length && (points[i] as FollowerPoint).date <= day) {
      const p = points[i] as FollowerPoint;
      last.set(p.accountId, p.followers);
      i += 1;
    }
    values.push(last.size === 0 ? null : [...last.values()].reduce((s, v) => s + v, 0));
  }
  return { days, values, firstDataDay: points[0]?.date ?? null };
}

/** Per-day sums (perDay), then a trailing window of `width` days ending on each day. */
function trailing(
  days: string[],
  perDay: Map<string, number[]>,
  width: number,
  combine: (sums: number[]) => number | null,
): (number | null)[] {
  if (days.length === 0) return [];
  // The days are contiguous: walk an extended range once and keep a running window.
  const extended = dayRange(shiftDay(days[0] as string, -(width - 1)), days[days.length - 1] as string);
  const window: number[] = [];
  const out: (number | null)[] = [];
  extended.forEach((day, i) => {
    (perDay.get(day) ?? []).forEach((v, j) => (window[j] = (window[j] ?? 0) + v));
    const leaving = i >= width ? perDay.get(extended[i - width] as string) : undefined;
    leaving?.forEach((v, j) => (window[j] = (window[j] ?? 0) - v));
    if (i >= width - 1) out.push(combine([...window]));
  });
  return out;
}

function firstDay(publications: readonly CoachPublication[], timezone: string): string | null {
  const first = publications[0];
  return first ? localDay(first.publishedAt, timezone) : null;
}

function trailingImpressions(days: string[], pubs: readonly CoachPublication[], timezone: string): DailyValues {
  const perDay = new Map<string, number[]>();
  for (const p of pubs) {
    const day = localDay(p.publishedAt, timezone);
    const cell = perDay.get(day) ?? [0];
    cell[0] = (cell[0] as number) + (p.impressions ?? p.views ?? 0);
    perDay.set(day, cell);
  }
  const firstDataDay = firstDay(pubs, timezone);
  const values = trailing(days, perDay, TRAILING_DAYS, (s) => s[0] ?? 0).map((v, i) =>
    firstDataDay !== null && (days[i] as string) >= firstDataDay ? v : null,
  );
  return { days, values, firstDataDay };
}

function trailingEngagement(days: string[], input: MetricInputs, timezone: string): DailyValues {
  const latestFollowers = new Map<string, number>();
  for (const p of input.followerDays) latestFollowers.set(p.accountId, p.followers);
  const perDay = new Map<string, number[]>();
  for (const p of input.publications) {
    const followers = p.accountId ? (latestFollowers.get(p.accountId) ?? null) : null;
    const exposure = exposureOf(p.platform, p, followers);
    if (!exposure) continue;
    const day = localDay(p.publishedAt, timezone);
    const cell = perDay.get(day) ?? [0, 0];
    cell[0] = (cell[0] as number) + engagementsOf(p.platform, p);
    cell[1] = (cell[1] as number) + exposure.value;
    perDay.set(day, cell);
  }
  const values = trailing(days, perDay, TRAILING_DAYS, (s) => (s[1] ? (s[0] as number) / s[1] : null));
  const firstDataDay = [...perDay.keys()].sort()[0] ?? null;
  return { days, values, firstDataDay };
}

/** Each post counts once, on the local day it first went out (on any platform). */
function firstPublications(pubs: readonly CoachPublication[], timezone: string): { day: string; amount: number }[] {
  const seen = new Set<string>();
  const out: { day: string; amount: number }[] = [];
  for (const p of pubs) {
    if (seen.has(p.postId)) continue;
    seen.add(p.postId);
    out.push({ day: localDay(p.publishedAt, timezone), amount: 1 });
  }
  return out;
}

function cumulative(
  days: string[],
  entries: readonly { day: string; amount: number }[],
  startDay: string,
): DailyValues {
  const perDay = new Map<string, number>();
  for (const e of entries) perDay.set(e.day, (perDay.get(e.day) ?? 0) + e.amount);
  const beforeStart = shiftDay(startDay, -1);
  const firstEntry = entries.map((e) => e.day).sort()[0];
  const firstDataDay = firstEntry !== undefined && firstEntry < startDay ? firstEntry : startDay;
  // Running total from the range start, then shifted so the day before the goal started is 0.
  let running = 0;
  let anchor = 0;
  const raw = days.map((day) => {
    running += perDay.get(day) ?? 0;
    if (day === beforeStart) anchor = running;
    return running;
  });
  if (days[0] !== undefined && days[0] > beforeStart) {
    // The range starts on or after the start day: count everything from the start day to the range start.
    anchor = -[...perDay.entries()]
      .filter(([d]) => d >= startDay && d < (days[0] as string))
      .reduce((s, [, v]) => s + v, 0);
  }
  const values = raw.map((v, i) => ((days[i] as string) >= firstDataDay ? v - anchor : null));
  return { days, values, firstDataDay };
}
