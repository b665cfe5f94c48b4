import { describe, expect, it } from 'vitest';
import { PLATFORMS, type Platform } from '../../../shared/domain/platform';
import { ENGAGEMENT_FORMULAS, engagementRate, engagementsOf, exposureOf, type PostMetricValues } from './engagement';

const metrics = (m: Partial<PostMetricValues>): PostMetricValues => ({
  impressions: null,
  reach: null,
  views: null,
  likes: null,
  comments: null,
  shares: null,
  saves: null,
  clicks: null,
  ...m,
});

// likes 40, comments 10, shares 5, saves 8, clicks 20; impressions 2000, reach 1000, views 1600.
const full = metrics({
  impressions: 2000,
  reach: 1000,
  views: 1600,
  likes: 40,
  comments: 10,
  shares: 5,
  saves: 8,
  clicks: 20,
});

describe('engagementRate', () => {
  const rows: [Platform, number, number | null][] = [
    // 40+10+5+20 = 75 engagements / 2000 impressions = 0.0375
    ['x', 75, 0.0375],
    // 20+40+10+5 = 75 / 2000 impressions = 0.0375
    ['linkedin', 75, 0.0375],
    // 40+10+5+8 = 63 / 1000 reach = 0.063
    ['instagram', 63, 0.063],
    // 40+10+5+20 = 75 / 1000 reach = 0.075
    ['facebook', 75, 0.075],
    // 40+10+5 = 55 / 1600 views = 0.034375
    ['youtube', 55, 0.034375],
    ['tiktok', 55, 0.034375],
    ['threads', 55, 0.034375],
    // 55 / 500 followers = 0.11
    ['bluesky', 55, 0.11],
    ['mastodon', 55, 0.11],
  ];
  it.each(rows)('%s counts %d engagements and rates %d', (platform, engagements, rate) => {
    expect(engagementsOf(platform, full)).toBe(engagements);
    expect(engagementRate(platform, full, 500)).toBeCloseTo(rate as number, 12);
  });

  it('falls back to impressions when reach is missing (Instagram, Facebook)', () => {
    const m = metrics({ impressions: 400, likes: 10, comments: 2, saves: 4 });
    // (10+2+0+4) / 400 = 0.04
    expect(engagementRate('instagram', m)).toBeCloseTo(0.04, 12);
    expect(exposureOf('instagram', m)).toEqual({ kind: 'impressions', value: 400 });
    // saves are not a Facebook engagement: (10+2) / 400 = 0.03
    expect(engagementRate('facebook', m)).toBeCloseTo(0.03, 12);
  });

  it('treats null counts as 0 but a missing or zero denominator as unknown', () => {
    expect(engagementRate('x', metrics({ impressions: 100 }))).toBe(0);
    expect(engagementRate('x', metrics({ likes: 5 }))).toBeNull();
    expect(engagementRate('x', metrics({ likes: 5, impressions: 0 }))).toBeNull();
    expect(engagementRate('youtube', metrics({ likes: 5, impressions: 100 }))).toBeNull();
    expect(engagementRate('bluesky', metrics({ likes: 5 }))).toBeNull();
    expect(engagementRate('bluesky', metrics({ likes: 5 }), 0)).toBeNull();
    // reach 0 is a real zero, not "missing": no fallback to impressions
    expect(engagementRate('instagram', metrics({ likes: 5, reach: 0, impressions: 50 }))).toBeNull();
  });

  it('documents every platform with its denominator in the formula text', () => {
    for (const p of PLATFORMS) {
      const f = ENGAGEMENT_FORMULAS[p];
      expect(f.formula).toContain(f.denominator);
      expect(f.counts.length).toBeGreaterThan(0);
      expect(f.source.length).toBeGreaterThan(0);
    }
  });
});
