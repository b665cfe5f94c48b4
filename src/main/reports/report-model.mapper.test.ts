import { describe, expect, it } from 'vitest';
import { REPORT_METRICS, REPORT_SECTIONS } from '../../shared/contract/reports';
import type { AnalyticsOverview, PublishedPost } from '../../shared/domain/analytics';
import { type ReportRequest, toReportModel } from './report-model.mapper';

function published(overrides: Partial<PublishedPost>): PublishedPost {
  return {
    publicationId: 1,
    postId: '3f2b8c1e-7a4d-4e6f-9b1a-2c3d4e5f6a7b',
    title: '',
    excerpt: '',
    platform: 'x',
    accountId: null,
    accountHandle: null,
    publishedAt: '2026-11-17T08:30:00.000Z',
    url: null,
    format: null,
    mediaCount: 0,
    hashtags: [],
    impressions: null,
    reach: null,
    views: null,
    likes: null,
    comments: null,
    shares: null,
    saves: null,
    clicks: null,
    engagements: 0,
    engagementRate: null,
    exposure: null,
    ...overrides,
  };
}

const overview = {
  totals: {
    postsPublished: 2,
    impressions: 300,
    views: 0,
    engagements: 12,
    engagementRate: 0.04,
    followersStart: 900,
    followersEnd: 1000,
    followerGrowth: 100,
    followerGrowthPercent: 11.1,
  },
  growth: { accounts: [], total: [{ date: '2026-11-16', followers: 900 }] },
  byPlatform: [],
  topPosts: [],
  bottomPosts: [],
  minExposure: 50,
} as unknown as AnalyticsOverview;

const request: ReportRequest = {
  kind: 'custom',
  range: { from: '2026-11-16', to: '2026-11-22' },
  timezone: 'Europe/Berlin',
  generatedAt: new Date('2026-11-25T10:00:00Z'),
  platforms: null,
  metrics: ['followers', 'likes', 'impressions', 'saves', 'engagement_rate'],
  sections: [...REPORT_SECTIONS],
};

describe('toReportModel', () => {
  const posts = [
    published({
      publicationId: 2,
      title: 'Later',
      publishedAt: '2026-11-18T10:00:00.000Z',
      impressions: 200,
      likes: 4,
    }),
    published({ publicationId: 1, excerpt: 'No title, so the text stands in', impressions: 100, likes: null }),
  ];
  const model = toReportModel(request, overview, posts);

  it('keeps the chosen metrics in the standard order and totals only what was reported', () => {
    expect(model.metrics).toEqual(REPORT_METRICS.filter((m) => request.metrics.includes(m)));
    expect(model.totals).toEqual([
      { metric: 'impressions', value: 300 },
      { metric: 'likes', value: 4 },
      { metric: 'saves', value: null },
      { metric: 'engagement_rate', value: 0.04 },
      { metric: 'followers', value: 1000, change: 100, changePercent: 11.1 },
    ]);
  });

  it('lists publications oldest first with local times and a name for untitled posts', () => {
    expect(model.posts.map((p) => [p.title, p.publishedLocal])).toEqual([
      ['No title, so the text stands in', '2026-11-17 09:30'],
      ['Later', '2026-11-18 11:00'],
    ]);
    expect(model.rangeLabel).toBe('16 – 22 Nov 2026');
    expect(model.title).toBe('Custom report');
  });
});
