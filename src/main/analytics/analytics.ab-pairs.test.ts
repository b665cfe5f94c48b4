import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { AnalyticsFixtures, type SeededPost } from './analytics.fixtures.test-support';
import { invokeTyped } from '../../../test/support/invoke';

describe('analytics A/B pairs', () => {
  let t: TestCore;
  let a: SeededPost;
  let b: SeededPost;
  let small: SeededPost;

  beforeEach(async () => {
    t = await createTestCore();
    const fx = new AnalyticsFixtures(t.core);
    // A: 200 / 10,000 = 2 %; B: 300 / 10,000 = 3 %. Pooled 2.5 %, SE = √(0.025 · 0.975 · 2/10,000) = 0.002208,
    // z = 0.01 / 0.002208 = 4.53 → p < 0.001: B wins.
    a = await fx.post({
      title: 'Hook A',
      platform: 'x',
      publishedAt: '2026-11-02T09:00:00.000Z',
      metrics: { impressions: 10_000, likes: 200 },
    });
    b = await fx.post({
      title: 'Hook B',
      platform: 'x',
      publishedAt: '2026-11-03T09:00:00.000Z',
      metrics: { impressions: 10_000, likes: 300 },
    });
    small = await fx.post({
      title: 'Tiny',
      platform: 'x',
      publishedAt: '2026-11-04T09:00:00.000Z',
      metrics: { impressions: 50, likes: 5 },
    });
  });

  afterEach(async () => {
    await t.dispose();
  });

  it('creates a pair and states the significant winner in plain words', async () => {
    const created = await invokeTyped(t.core, 'analytics:create-ab-pair', {
      postA: a.postId,
      postB: b.postId,
      platform: 'x',
      label: 'Question hook',
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value).toMatchObject({
      label: 'Question hook',
      postA: { id: a.postId, title: 'Hook A' },
      postB: { id: b.postId, title: 'Hook B' },
      comparison: {
        verdict: 'significant',
        winner: 'b',
        exposureKind: 'impressions',
        exposureA: 10_000,
        engagementsB: 300,
      },
    });
    expect(created.value.comparison.message).toBe(
      'B did better: 3.0 % vs 2.0 % engagement (p < 0.001, significant at 95 %).',
    );

    const listed = await invokeTyped(t.core, 'analytics:list-ab-pairs', {});
    expect(listed.ok && listed.value.map((p) => p.id)).toEqual([created.value.id]);
    const overview = await invokeTyped(t.core, 'analytics:get-overview', { from: '2026-11-01', to: '2026-11-30' });
    expect(overview.ok && overview.value.abPairs).toEqual({ pairs: 1, decided: 1, notEnoughData: 0 });

    const deleted = await invokeTyped(t.core, 'analytics:delete-ab-pair', { id: created.value.id });
    expect(deleted).toEqual({ ok: true, value: { id: created.value.id } });
    const again = await invokeTyped(t.core, 'analytics:delete-ab-pair', { id: created.value.id });
    expect(!again.ok && again.error.code).toBe('NOT_FOUND');
  });

  it('says "not enough data yet" when a post has too few impressions', async () => {
    const pair = await t.core.domains.analytics.service.createAbPair({
      postA: a.postId,
      postB: small.postId,
      platform: 'x',
    });
    expect(pair.comparison.verdict).toBe('not_enough_data');
    expect(pair.comparison.message).toMatch(/^Not enough data yet/);
  });

  it.each([
    [
      'an unknown post',
      () => ({ postA: a.postId, postB: '00000000-0000-4000-8000-000000000000', platform: 'x' }),
      'NOT_FOUND',
      'Post B was not found.',
    ],
    [
      'a post not published on that platform',
      () => ({ postA: a.postId, postB: b.postId, platform: 'instagram' }),
      'CONFLICT',
      'Post A is not for Instagram: it neither targets Instagram nor has been published there.',
    ],
  ] as const)('refuses %s', async (_, input, code, message) => {
    const result = await invokeTyped(t.core, 'analytics:create-ab-pair', input() as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toBe(message);
  });

  it('pairs posts that target the platform before they are published, and says so', async () => {
    const draftA = await t.core.services.posts.create({ title: 'Draft A', platforms: ['x'] });
    const draftB = await t.core.services.posts.create({ title: 'Draft B', platforms: ['linkedin', 'x'] });
    const both = await t.core.domains.analytics.service.createAbPair({
      postA: draftA.id,
      postB: draftB.id,
      platform: 'x',
    });
    expect(both.comparison).toMatchObject({
      verdict: 'not_enough_data',
      winner: null,
      message: 'Not published yet: neither post has gone out on X.',
    });
    const one = await t.core.domains.analytics.service.createAbPair({
      postA: a.postId,
      postB: draftB.id,
      platform: 'x',
    });
    expect(one.comparison.message).toBe('Not published yet: B has not gone out on X.');
    const overview = await invokeTyped(t.core, 'analytics:get-overview', { from: '2026-11-01', to: '2026-11-30' });
    expect(overview.ok && overview.value.abPairs).toEqual({ pairs: 2, decided: 0, notEnoughData: 2 });
  });

  it('refuses the same pair twice', async () => {
    await t.core.domains.analytics.service.createAbPair({ postA: a.postId, postB: b.postId, platform: 'x' });
    const result = await invokeTyped(t.core, 'analytics:create-ab-pair', {
      postA: a.postId,
      postB: b.postId,
      platform: 'x',
    });
    expect(!result.ok && result.error).toMatchObject({
      code: 'CONFLICT',
      message: 'These two posts are already an A/B pair on X.',
    });
  });
});
