import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { AnalyticsFixtures, type SeededPost } from './analytics.fixtures.test-support';
import { invokeTyped } from '../../../test/support/invoke';

/*
 * Hand-checked fixture (no profile, so days are UTC). Range 2026-11-01 … 2026-11-07.
 *
 * P1 x        Mon 11-02 09:30  thread  impressions 1000; likes 30 + replies 5 + reposts 10 + clicks 5 = 50 → 50/1000 = 0.05
 * P2 x        Tue 11-03 14:00  single  impressions 2000; 20 + 4 + 6 + 10 = 40 (saves 99 do not count on X) → 0.02
 * P3 bluesky  Thu 11-05 09:10  —       likes 10 + replies 2 + reposts 3 = 15 ÷ followers that day 520 → 0.028846…
 * P4 instagram Fri 11-06 20:00 reel    no reach → impressions 400; 30 + 6 + 2 + 2 (saves) = 40 → 0.1
 * P5 x 11-08 01:00 and P6 x 10-31 23:59 fall outside the range.
 *
 * Totals: 4 posts; impressions 1000 + 2000 + 400 = 3400; engagements 50 + 40 + 15 + 40 = 145;
 * pooled rate 145 ÷ (1000 + 2000 + 520 + 400 = 3920) = 0.0369898.
 * By platform: x 90 ÷ 3000 = 0.03; instagram 40 ÷ 400 = 0.1; bluesky 15 ÷ 520.
 * Followers: X 1000 on 11-01 (990 on 10-31 is before) → 1060 on 11-07; Bluesky 500 carried from
 * 10-20 → 520 on 11-05. Start 1500, end 1580, +80, +5.333 %.
 * Hashtags: #growth on P1, P2 → mean (0.05 + 0.02)/2 = 0.035; #tips on P1, P3 → (0.05 + 0.028846)/2 = 0.039423.
 */
describe('analytics overview', () => {
  let t: TestCore;
  let fx: AnalyticsFixtures;
  let p: Record<'p1' | 'p2' | 'p3' | 'p4', SeededPost>;
  let xAccount: string;

  beforeEach(async () => {
    t = await createTestCore();
    fx = new AnalyticsFixtures(t.core);
    xAccount = await fx.account('x', '@ana');
    const bsky = await fx.account('bluesky', '@ana.bsky.social');
    await fx.followers(xAccount, { '2026-10-31': 990, '2026-11-01': 1000, '2026-11-04': 1030, '2026-11-07': 1060 });
    await fx.followers(bsky, { '2026-10-20': 500, '2026-11-05': 520 });
    p = {
      p1: await fx.post({
        title: 'P1',
        body: 'Hello #growth #tips',
        platform: 'x',
        accountId: xAccount,
        publishedAt: '2026-11-02T09:30:00.000Z',
        format: 'thread',
        metrics: { impressions: 1000, likes: 30, comments: 5, shares: 10, clicks: 5 },
      }),
      p2: await fx.post({
        title: 'P2',
        body: '#growth again',
        platform: 'x',
        accountId: xAccount,
        publishedAt: '2026-11-03T14:00:00.000Z',
        format: 'single',
        metrics: { impressions: 2000, likes: 20, comments: 4, shares: 6, clicks: 10, saves: 99 },
      }),
      p3: await fx.post({
        title: 'P3',
        body: '#tips and more',
        platform: 'bluesky',
        accountId: bsky,
        publishedAt: '2026-11-05T09:10:00.000Z',
        metrics: { likes: 10, comments: 2, shares: 3 },
      }),
      p4: await fx.post({
        title: 'P4',
        body: 'A reel',
        platform: 'instagram',
        publishedAt: '2026-11-06T20:00:00.000Z',
        format: 'reel',
        mediaCount: 1,
        metrics: { impressions: 400, likes: 30, comments: 6, shares: 2, saves: 2 },
      }),
    };
    await fx.post({
      platform: 'x',
      publishedAt: '2026-11-08T01:00:00.000Z',
      metrics: { impressions: 100, likes: 100 },
    });
    await fx.post({
      platform: 'x',
      publishedAt: '2026-10-31T23:59:00.000Z',
      metrics: { impressions: 100, likes: 100 },
    });
  });

  afterEach(async () => {
    await t.dispose();
  });

  const overview = async (input: object) => {
    const result = await invokeTyped(t.core, 'analytics:get-overview', input as never);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  };

  it('computes totals, follower growth and engagement by platform as hand-checked', async () => {
    const o = await overview({ from: '2026-11-01', to: '2026-11-07' });
    expect(o.range).toEqual({ from: '2026-11-01', to: '2026-11-07', timezone: 'UTC' });
    expect(o.totals).toMatchObject({
      postsPublished: 4,
      impressions: 3400,
      views: 0,
      engagements: 145,
      followersStart: 1500,
      followersEnd: 1580,
      followerGrowth: 80,
    });
    expect(o.totals.engagementRate).toBeCloseTo(145 / 3920, 10);
    expect(o.totals.followerGrowthPercent).toBeCloseTo(5.3333, 3);

    expect(o.byPlatform.map((b) => [b.platform, b.posts, b.engagements, b.exposure])).toEqual([
      ['x', 2, 90, 3000],
      ['instagram', 1, 40, 400],
      ['bluesky', 1, 15, 520],
    ]);
    expect(o.byPlatform[0]?.engagementRate).toBeCloseTo(0.03, 10);
    expect(o.byPlatform[1]?.engagementRate).toBeCloseTo(0.1, 10);
    expect(o.byPlatform[2]?.engagementRate).toBeCloseTo(15 / 520, 10);
    expect(o.byPlatform[2]?.formula.denominator).toBe('followers');
    expect(o.byPlatform[0]?.formula.formula).toContain('impressions');
    expect(o.byPlatform[0]?.formula.source?.url).toMatch(/^https:/);
  });

  it('carries followers forward day by day, per account and in total', async () => {
    const o = await overview({ from: '2026-11-01', to: '2026-11-07' });
    expect(o.growth.total.map((d) => d.followers)).toEqual([1500, 1500, 1500, 1530, 1550, 1550, 1580]);
    const x = o.growth.accounts.find((a) => a.platform === 'x');
    expect(x?.series[0]).toEqual({ date: '2026-11-01', followers: 1000 });
    expect(x?.series).toHaveLength(7);
  });

  it('groups by format, weekday×hour and hashtag, and ranks posts', async () => {
    const o = await overview({ from: '2026-11-01', to: '2026-11-07' });
    expect(o.byFormat.map((f) => f.key)).toEqual(['reel', 'thread', 'unspecified', 'single']);
    expect(o.byWeekdayHour).toEqual([
      { weekday: 0, hour: 9, posts: 1, meanRate: 0.05 },
      { weekday: 1, hour: 14, posts: 1, meanRate: 0.02 },
      { weekday: 3, hour: 9, posts: 1, meanRate: 15 / 520 },
      { weekday: 4, hour: 20, posts: 1, meanRate: 0.1 },
    ]);
    expect(o.byHashtag.map((h) => [h.key, h.posts])).toEqual([
      ['tips', 2],
      ['growth', 2],
    ]);
    expect(o.byHashtag[0]?.meanRate).toBeCloseTo((0.05 + 15 / 520) / 2, 10);
    expect(o.byHashtag[1]?.meanRate).toBeCloseTo(0.035, 10);
    expect(o.topPosts.map((x) => x.postId)).toEqual([p.p4.postId, p.p1.postId, p.p3.postId, p.p2.postId]);
    expect(o.bottomPosts).toEqual([]);
    expect(o.revenue).toBeNull();
    expect(o.abPairs).toEqual({ pairs: 0, decided: 0, notEnoughData: 0 });
  });

  it('filters by platform and by date range', async () => {
    const x = await overview({ from: '2026-11-01', to: '2026-11-07', platforms: ['x'] });
    expect(x.totals).toMatchObject({ postsPublished: 2, engagements: 90, followersStart: 1000, followersEnd: 1060 });
    expect(x.byPlatform.map((b) => b.platform)).toEqual(['x']);

    const midweek = await overview({ from: '2026-11-03', to: '2026-11-05' });
    expect(midweek.totals.postsPublished).toBe(2);
    expect(midweek.topPosts.map((x) => x.title).sort()).toEqual(['P2', 'P3']);
    // The X account's level on 11-03 is carried from 11-01 (1000), Bluesky's from 10-20 (500).
    expect(midweek.totals.followersStart).toBe(1500);
    expect(midweek.totals.followersEnd).toBe(1550);
  });

  it('counts local days in the creator time zone', async () => {
    await t.core.services.profile.save({
      name: 'Ana',
      niche: 'cooking',
      platforms: ['x'],
      timezone: 'America/New_York',
      goal: { metric: 'followers', target: 5000, deadline: '2027-06-30' },
      cadence: { postsPerWeek: 3, days: ['mon', 'wed', 'fri'] },
    });
    // 2026-11-08T01:00Z is 20:00 on Nov 7 in New York (EST, UTC−5): inside the range now.
    const o = await overview({ from: '2026-11-01', to: '2026-11-07', platforms: ['x'] });
    expect(o.range.timezone).toBe('America/New_York');
    expect(o.totals.postsPublished).toBe(3);
    // P1 at 09:30Z is Monday 04:30 in New York.
    expect(o.byWeekdayHour[0]).toMatchObject({ weekday: 0, hour: 4 });
  });

  it('sums revenue per currency with ROI when revenue data exists', async () => {
    await fx.revenue({ postId: p.p1.postId, amount: 300, cost: 100, occurredAt: '2026-11-04T10:00:00.000Z' });
    await fx.revenue({ postId: p.p2.postId, amount: 50, occurredAt: '2026-11-05T10:00:00.000Z' });
    await fx.revenue({ postId: null, amount: 70, currency: 'EUR', occurredAt: '2026-11-05T10:00:00.000Z' });
    await fx.revenue({ postId: p.p1.postId, amount: 999, occurredAt: '2026-12-01T10:00:00.000Z' });
    const o = await overview({ from: '2026-11-01', to: '2026-11-07' });
    // USD: 300 + 50 = 350 revenue, 100 cost → ROI (350 − 100) / 100 = 2.5.
    expect(o.revenue?.byCurrency).toEqual([
      { currency: 'USD', revenue: 350, cost: 100, roi: 2.5 },
      { currency: 'EUR', revenue: 70, cost: 0, roi: null },
    ]);
    expect(o.revenue?.topPosts.map((r) => [r.title, r.revenue])).toEqual([
      ['P1', 300],
      ['P2', 50],
    ]);
    const bluesky = await overview({ from: '2026-11-01', to: '2026-11-07', platforms: ['bluesky'] });
    expect(bluesky.revenue).toBeNull();
  });

  it('lists published posts with every count for reports', async () => {
    const rows = await t.core.domains.analytics.service.publishedPosts({ from: '2026-11-01', to: '2026-11-07' });
    expect(rows.map((r) => r.title)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(rows[0]).toMatchObject({
      postId: p.p1.postId,
      platform: 'x',
      accountHandle: '@ana',
      format: 'thread',
      hashtags: ['growth', 'tips'],
      impressions: 1000,
      engagements: 50,
      engagementRate: 0.05,
      exposure: { kind: 'impressions', value: 1000 },
    });
    expect(rows[3]?.exposure).toEqual({ kind: 'impressions', value: 400 });
  });
});
