import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { REPORT_METRICS, type ReportKind, type ReportMetric, type ReportSection } from '../../shared/contract/reports';
import type { AnalyticsOverview, PublishedPost } from '../../shared/domain/analytics';
import type { Platform } from '../../shared/domain/platform';
import { type DayRange, rangeLabel } from './report-dates';
import { truncate } from './report-format';
import {
  COUNT_METRICS,
  type CountMetric,
  isCountMetric,
  type ReportModel,
  type ReportPost,
  type ReportTotal,
} from './report-model';

/** What was asked for, resolved: a weekly report asks for every metric and section. */
export interface ReportRequest {
  kind: ReportKind;
  range: DayRange;
  timezone: string;
  generatedAt: Date;
  platforms: Platform[] | null;
  metrics: ReportMetric[];
  sections: ReportSection[];
}

export const REPORT_TITLES: Record<ReportKind, string> = { weekly: 'Weekly report', custom: 'Custom report' };

/** A post's name in a report: its title, else the start of its text. */
function postName(post: PublishedPost): string {
  const title = post.title.trim();
  if (title.length > 0) return title;
  const excerpt = post.excerpt.trim();
  return excerpt.length > 0 ? truncate(excerpt, 80) : 'Untitled post';
}

export function toReportPost(post: PublishedPost, timezone: string): ReportPost {
  const counts = Object.fromEntries(COUNT_METRICS.map((m) => [m, post[m]])) as Record<CountMetric, number | null>;
  return {
    title: postName(post),
    platform: post.platform,
    accountHandle: post.accountHandle,
    publishedAt: post.publishedAt,
    publishedLocal: format(new TZDate(post.publishedAt, timezone), 'yyyy-MM-dd HH:mm'),
    format: post.format,
    url: post.url,
    counts,
    engagementRate: post.engagementRate,
  };
}

/** Σ of a counter over the posts that reported it; null when none did (a gap is not a zero). */
function sumReported(posts: ReportPost[], metric: CountMetric): number | null {
  let sum: number | null = null;
  for (const post of posts) {
    const value = post.counts[metric];
    if (value !== null) sum = (sum ?? 0) + value;
  }
  return sum;
}

function totalOf(metric: ReportMetric, posts: ReportPost[], overview: AnalyticsOverview): ReportTotal {
  if (isCountMetric(metric)) return { metric, value: sumReported(posts, metric) };
  if (metric === 'engagement_rate') return { metric, value: overview.totals.engagementRate };
  return {
    metric,
    value: overview.totals.followersEnd,
    change: overview.totals.followerGrowth,
    changePercent: overview.totals.followerGrowthPercent,
  };
}

/**
 * The report's figures from the analytics overview (totals, growth, engagement by platform, top
 * and bottom posts) and the range's publications (the CSV rows and the count totals, so the PDF
 * and the CSV always agree).
 */
export function toReportModel(
  request: ReportRequest,
  overview: AnalyticsOverview,
  published: PublishedPost[],
): ReportModel {
  const { timezone } = request;
  const posts = [...published]
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.publicationId - b.publicationId)
    .map((p) => toReportPost(p, timezone));
  const metrics = REPORT_METRICS.filter((m) => request.metrics.includes(m));
  return {
    kind: request.kind,
    title: REPORT_TITLES[request.kind],
    range: request.range,
    rangeLabel: rangeLabel(request.range),
    timezone,
    generatedAt: request.generatedAt.toISOString(),
    platforms: request.platforms,
    metrics,
    sections: request.sections,
    postsPublished: overview.totals.postsPublished,
    totals: metrics.map((m) => totalOf(m, posts, overview)),
    followers: overview.growth.total.map((p) => ({ date: p.date, followers: p.followers })),
    engagementByPlatform: overview.byPlatform.map((p) => ({
      platform: p.platform,
      posts: p.posts,
      engagementRate: p.engagementRate,
      formula: p.formula.formula,
    })),
    topPosts: overview.topPosts.map((p) => toReportPost(p, timezone)),
    bottomPosts: overview.bottomPosts.map((p) => toReportPost(p, timezone)),
    minExposure: overview.minExposure,
    posts,
  };
}
