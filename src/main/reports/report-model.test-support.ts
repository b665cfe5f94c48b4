import { REPORT_METRICS, REPORT_SECTIONS } from '../../shared/contract/reports';
import type { ReportModel, ReportPost } from './report-model';

/** A post line for renderer tests; counts not given are "not reported". */
export function reportPost(overrides: Partial<ReportPost> & { title: string }): ReportPost {
  return {
    platform: 'x',
    accountHandle: 'ada',
    publishedAt: '2026-11-17T09:30:00.000Z',
    publishedLocal: '2026-11-17 09:30',
    format: 'text',
    url: null,
    engagementRate: null,
    ...overrides,
    counts: {
      impressions: null,
      views: null,
      likes: null,
      comments: null,
      shares: null,
      saves: null,
      clicks: null,
      ...overrides.counts,
    },
  };
}

const sourdough = reportPost({
  title: 'Sourdough starter in five days without any special equipment at all',
  counts: { impressions: 12_400, views: null, likes: 610, comments: 42, shares: 31, saves: null, clicks: 57 },
  engagementRate: 0.0597,
});
const injected = reportPost({
  title: '=cmd|"/c calc"!A1',
  platform: 'linkedin',
  publishedAt: '2026-11-19T17:05:00.000Z',
  publishedLocal: '2026-11-19 17:05',
  counts: { impressions: 3_100, views: null, likes: 40, comments: 3, shares: 1, saves: null, clicks: 9 },
  engagementRate: 0.0171,
});

/** A weekly report with two posts, a followers series and both platforms' formulas. */
export function weeklyModel(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    kind: 'weekly',
    title: 'Weekly report',
    range: { from: '2026-11-16', to: '2026-11-22' },
    rangeLabel: '16 – 22 Nov 2026',
    timezone: 'UTC',
    generatedAt: '2026-11-23T08:00:00.000Z',
    platforms: null,
    metrics: [...REPORT_METRICS],
    sections: [...REPORT_SECTIONS],
    postsPublished: 2,
    totals: [
      { metric: 'impressions', value: 15_500 },
      { metric: 'views', value: null },
      { metric: 'likes', value: 650 },
      { metric: 'comments', value: 45 },
      { metric: 'shares', value: 32 },
      { metric: 'saves', value: null },
      { metric: 'clicks', value: 66 },
      { metric: 'engagement_rate', value: 0.0514 },
      { metric: 'followers', value: 4_321, change: 121, changePercent: 2.88 },
    ],
    followers: ['16', '17', '18', '19', '20', '21', '22'].map((d, i) => ({
      date: `2026-11-${d}`,
      followers: 4_200 + i * 20 + (i === 6 ? 1 : 0),
    })),
    engagementByPlatform: [
      {
        platform: 'x',
        posts: 1,
        engagementRate: 0.0597,
        formula: 'Engagement rate = (likes + replies + reposts + clicks) ÷ impressions',
      },
      {
        platform: 'linkedin',
        posts: 1,
        engagementRate: 0.0171,
        formula: 'Engagement rate = (clicks + reactions + comments + reposts) ÷ impressions',
      },
    ],
    topPosts: [sourdough, injected],
    bottomPosts: [injected, sourdough],
    minExposure: 100,
    posts: [sourdough, injected],
    ...overrides,
  };
}
