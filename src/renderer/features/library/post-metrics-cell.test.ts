import { describe, expect, it } from 'vitest';
import type { PostMetrics } from '../../../shared/domain/analytics';
import type { Platform } from '../../../shared/domain/platform';
import { metricsCell, runLimited } from './post-metrics-cell';

type Publication = PostMetrics['publications'][number]['publication'];

function publication(platform: Platform, patch: Partial<Publication>): PostMetrics['publications'][number] {
  return {
    publication: {
      publicationId: 1,
      postId: '00000000-0000-4000-8000-000000000001',
      title: 'T',
      excerpt: '',
      platform,
      accountId: null,
      accountHandle: null,
      publishedAt: '2026-01-01T00:00:00.000Z',
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
      ...patch,
    },
    metricsAt: null,
    formula: { formula: '', explanation: '', denominator: 'impressions', source: null },
    snapshots: [],
  };
}

const metrics = (...publications: PostMetrics['publications']): PostMetrics => ({
  postId: '00000000-0000-4000-8000-000000000001',
  publications,
});

describe('metricsCell', () => {
  it('shows nothing when there are no metrics', () => {
    expect(metricsCell(null)).toEqual({ lines: [], label: 'Metrics: none yet' });
    expect(metricsCell(metrics()).lines).toEqual([]);
  });

  it('gives engagements and rate per platform', () => {
    const cell = metricsCell(metrics(publication('x', { engagements: 7, engagementRate: 0.039 })), 'en-US');
    expect(cell.lines).toEqual([{ platform: 'x', text: '7 eng · 3.9%', spoken: 'X 7 engagements, 3.9%' }]);
    expect(cell.label).toBe('Metrics: X 7 engagements, 3.9%');
  });

  it('adds impressions, else views, when known, and joins platforms', () => {
    const cell = metricsCell(
      metrics(
        publication('linkedin', { engagements: 1, engagementRate: 0.0005, impressions: 2000, views: 5 }),
        publication('youtube', { engagements: 1500, views: 1 }),
      ),
      'en-US',
    );
    expect(cell.lines.map((l) => l.text)).toEqual(['1 eng · 0.1% · 2K impr.', '1.5K eng · 1 views']);
    expect(cell.label).toBe(
      'Metrics: LinkedIn 1 engagement, 0.1%, 2,000 impressions; YouTube 1,500 engagements, 1 view',
    );
  });
});

describe('runLimited', () => {
  it('never runs more than the limit at once and survives failures', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await runLimited([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running -= 1;
      if (n === 4) throw new Error('boom');
      done.push(n);
    });
    expect(peak).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10]);
  });
});
