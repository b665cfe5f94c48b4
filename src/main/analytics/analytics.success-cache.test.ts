import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { AnalyticsFixtures } from './analytics.fixtures.test-support';

/** Success factors are kept until the data they are fitted on changes; drafting elsewhere keeps them. */
describe('analytics success factors: kept fits follow the data', () => {
  let t: TestCore;
  let fx: AnalyticsFixtures;

  beforeEach(async () => {
    t = await createTestCore();
    fx = new AnalyticsFixtures(t.core);
  });
  afterEach(() => t.dispose());

  it('refits after an edit to a published post, not after an unrelated draft', async () => {
    const account = await fx.account('x', '@ana');
    const posts = [];
    for (let i = 0; i < 24; i += 1) {
      posts.push(
        await fx.post({
          body: i % 2 === 0 ? `How to bake bread ${i}? #bread` : `Story ${i} of my bakery`,
          platform: 'x',
          accountId: account,
          publishedAt: new Date(Date.parse('2026-10-01T09:00:00.000Z') + i * 86_400_000).toISOString(),
          metrics: { impressions: 1000, likes: 10 + (i % 2) * 30 },
        }),
      );
    }
    const analytics = t.core.domains.analytics.service;
    const first = await analytics.successFactors({});
    expect(await analytics.successFactors({})).toBe(first);

    await t.core.services.posts.create({ body: 'an unrelated draft' });
    expect(await analytics.successFactors({})).toBe(first);

    const edited = posts[0]!;
    const current = await t.core.services.posts.get(edited.postId);
    await t.core.services.posts.update(edited.postId, current.version, { body: 'Edited text' });
    expect(await analytics.successFactors({})).not.toBe(first);
  });
});
