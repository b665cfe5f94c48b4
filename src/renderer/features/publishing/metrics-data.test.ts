import { describe, expect, it } from 'vitest';
import type { MetricSnapshot, PostMetrics } from '../../../shared/domain/analytics';
import { publicationCounts, sparklinePoints } from './metrics-data';

const snap = (engagements: number): MetricSnapshot => ({
  capturedAt: '2026-11-29T10:00:00.000Z',
  impressions: 100,
  reach: null,
  views: null,
  likes: engagements,
  comments: 0,
  shares: 0,
  saves: null,
  clicks: null,
  engagements,
  engagementRate: engagements / 100,
});

describe('sparklinePoints', () => {
  it('needs two snapshots', () => {
    expect(sparklinePoints([snap(1)], 100, 20)).toBe('');
  });

  it('spans the box from the lowest to the highest value', () => {
    expect(sparklinePoints([snap(0), snap(5), snap(10)], 100, 20)).toBe('0,20 50,10 100,0');
  });

  it('draws a flat line mid-way when nothing changes', () => {
    expect(sparklinePoints([snap(3), snap(3)], 10, 20)).toBe('0,20 10,20');
  });
});

describe('publicationCounts', () => {
  it('keeps only the counts the platform gave', () => {
    const metrics = {
      postId: '22222222-2222-4222-8222-222222222222',
      publications: [
        {
          publication: {
            platform: 'x',
            url: 'https://x.com/1',
            impressions: 120,
            reach: null,
            views: null,
            likes: 4,
            comments: 0,
            shares: 1,
            saves: null,
            clicks: null,
          },
          metricsAt: '2026-11-29T10:00:00.000Z',
          formula: { formula: '', explanation: '', denominator: 'impressions', source: null },
          snapshots: [snap(5)],
        },
      ],
    } as unknown as PostMetrics;
    const [x] = publicationCounts(metrics);
    expect(x!.counts).toEqual([
      { label: 'Impressions', value: 120 },
      { label: 'Likes', value: 4 },
      { label: 'Comments', value: 0 },
      { label: 'Shares', value: 1 },
    ]);
    expect(x!.snapshots).toHaveLength(1);
  });
});
