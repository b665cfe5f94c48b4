import type { ReportKind, ReportMetric, ReportSection } from '../../shared/contract/reports';
import type { Platform } from '../../shared/domain/platform';
import type { DayRange } from './report-dates';

/** The per-post counters a report can show (engagement rate and followers are not per-post counts). */
export const COUNT_METRICS = ['impressions', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks'] as const;
export type CountMetric = (typeof COUNT_METRICS)[number];

export function isCountMetric(metric: ReportMetric): metric is CountMetric {
  return (COUNT_METRICS as readonly string[]).includes(metric);
}

/** One post as published on one platform, as a report shows it. */
export interface ReportPost {
  title: string;
  platform: Platform;
  accountHandle: string | null;
  /** ISO instant (UTC). */
  publishedAt: string;
  /** "2026-11-17 09:30" in the report's time zone. */
  publishedLocal: string;
  format: string | null;
  url: string | null;
  counts: Record<CountMetric, number | null>;
  /** A fraction (0.042 = 4.2 %); null when the platform did not report the denominator. */
  engagementRate: number | null;
}

/** One line of the totals table; null means no post in the range reported that count. */
export interface ReportTotal {
  metric: ReportMetric;
  value: number | null;
  /** Followers only: the change over the range, and that change in percent. */
  change?: number | null;
  changePercent?: number | null;
}

export interface ReportPlatformEngagement {
  platform: Platform;
  posts: number;
  engagementRate: number | null;
  /** The formula this platform's rate is computed with, as shown beside it. */
  formula: string;
}

/**
 * Everything the PDF and CSV renderers need, already computed: they only lay it out. Built from
 * the analytics overview by `toReportModel`, so the renderers can be tested (and timed) alone.
 */
export interface ReportModel {
  kind: ReportKind;
  title: string;
  range: DayRange;
  /** "16 – 22 Nov 2026". */
  rangeLabel: string;
  timezone: string;
  /** ISO instant the report was made. */
  generatedAt: string;
  /** Null: every platform. */
  platforms: Platform[] | null;
  /** The metrics shown, in REPORT_METRICS order. */
  metrics: ReportMetric[];
  sections: ReportSection[];
  postsPublished: number;
  totals: ReportTotal[];
  /** Total followers per day across the accounts in the report. */
  followers: { date: string; followers: number }[];
  engagementByPlatform: ReportPlatformEngagement[];
  topPosts: ReportPost[];
  bottomPosts: ReportPost[];
  /** Posts ranked top/bottom had at least this much exposure (so one lucky view does not win). */
  minExposure: number;
  /** Every publication in the range, oldest first (the CSV's rows). */
  posts: ReportPost[];
}
