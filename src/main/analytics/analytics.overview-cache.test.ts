import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { AnalyticsFixtures } from './analytics.fixtures.test-support';

/** The overview keeps its publications per range until anything is written: each kind of write shows at once. */
describe('analytics overview: kept publications follow every change', () => {
  let t: TestCore;
  let fx: AnalyticsFixtures;
  const range = { from: '2026-11-01', to: '2026-11-07' };
  const overview = () => t.core.domains.analytics.service.overview(range);

  beforeEach(async () => {
    t = await createTestCore();
    fx = new AnalyticsFixtures(t.core);
  });
  afterEach(() => t.dispose());

  it('sees new snapshots, new publications, edited bodies, renamed accounts and trashed posts', async () => {
    const account = await fx.account('x', '@ana');
    const p1 = await fx.post({
      body: 'Hello #growth',
      platform: 'x',
      accountId: account,
      publishedAt: '2026-11-02T09:30:00.000Z',
      metrics: { impressions: 1000, likes: 30 },
    });
    const first = await overview();
    expect(first.totals).toMatchObject({ postsPublished: 1, impressions: 1000 });
    expect(await overview()).toEqual(first); // kept: the same answer

    await fx.snapshot(p1.publicationId, '2026-11-05T00:00:00.000Z', { impressions: 1500, likes: 40 });
    expect((await overview()).totals).toMatchObject({ postsPublished: 1, impressions: 1500 });

    await fx.post({
      body: 'Again #growth',
      platform: 'x',
      accountId: account,
      publishedAt: '2026-11-03T09:30:00.000Z',
      metrics: { impressions: 500, likes: 5 },
    });
    expect((await overview()).byHashtag.map((h) => [h.key, h.posts])).toEqual([['growth', 2]]);

    // An edited body changes neither counts nor metrics_at: the hashtags must follow anyway.
    await t.core.database.db.updateTable('posts').set({ body: 'Hello #rye' }).where('id', '=', p1.postId).execute();
    const edited = await overview();
    expect(edited.topPosts.concat(edited.bottomPosts).find((p) => p.postId === p1.postId)?.hashtags).toEqual(['rye']);

    await t.core.database.db.updateTable('accounts').set({ handle: '@ana2' }).where('id', '=', account).execute();
    expect((await overview()).topPosts.every((p) => p.accountHandle === '@ana2')).toBe(true);

    await t.core.database.db
      .updateTable('posts')
      .set({ deleted_at: '2026-11-10T00:00:00.000Z' })
      .where('id', '=', p1.postId)
      .execute();
    expect((await overview()).totals).toMatchObject({ postsPublished: 1, impressions: 500 });
  });
});
