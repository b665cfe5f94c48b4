import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { AnalyticsFixtures } from './analytics.fixtures.test-support';
import { addDays } from './math/growth';
import { invokeTyped } from '../../../test/support/invoke';

describe('analytics insights', () => {
  let t: TestCore;
  let fx: AnalyticsFixtures;

  beforeEach(async () => {
    t = await createTestCore();
    fx = new AnalyticsFixtures(t.core);
  });

  afterEach(async () => {
    await t.dispose();
  });

  describe('best times', () => {
    it("prefers the creator's own slot where it has enough posts, and fills in with the studies", async () => {
      // 12 X posts on Wednesdays 18:00 UTC at 8 % and 12 on Mondays 07:00 at 1 % (2026-09-02 is a Wednesday).
      for (let week = 0; week < 12; week++) {
        const wednesday = addDays('2026-09-02', 7 * week);
        await fx.post({
          platform: 'x',
          publishedAt: `${wednesday}T18:00:00.000Z`,
          metrics: { impressions: 1000, likes: 80 },
        });
        await fx.post({
          platform: 'x',
          publishedAt: `${addDays(wednesday, -2)}T07:00:00.000Z`,
          metrics: { impressions: 1000, likes: 10 },
        });
      }
      const result = await invokeTyped(t.core, 'analytics:get-best-times', { platform: 'x' });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const best = result.value;
      expect(best.postsConsidered).toBe(24);
      expect(best.slots[0]).toMatchObject({ weekday: 2, hour: 18, source: 'yours', posts: 12, sourceId: null });
      expect(best.slots[0]?.meanRate).toBeCloseTo(0.08, 10);
      expect(best.slots.slice(1).every((s) => s.source === 'default' && s.sourceId !== null)).toBe(true);
      expect(best.slots.some((s) => s.weekday === 0 && s.hour === 7)).toBe(false);
      expect(best.sources.length).toBeGreaterThan(0);
      expect(best.note).toBe(
        'From your 24 X posts, blended with published studies where a slot has few of your posts.',
      );
    });

    it('falls back to the published defaults without any posts', async () => {
      const best = await t.core.domains.analytics.service.bestTimes('linkedin');
      expect(best.postsConsidered).toBe(0);
      expect(best.slots.length).toBeGreaterThan(0);
      expect(best.slots.every((s) => s.source === 'default' && s.posts === 0)).toBe(true);
      expect(best.note).toMatch(/^No LinkedIn posts with engagement data yet/);
    });
  });

  describe('success factors', () => {
    it('finds the feature that clearly helps, with evidence and a plain sentence', async () => {
      // 30 X posts on different days and hours; the 15 that open with a question do about 3× better.
      for (let i = 0; i < 30; i++) {
        const question = i % 2 === 0;
        const likes = (question ? 60 : 20) + (i % 5) * 2;
        await fx.post({
          platform: 'x',
          body: question
            ? `Why do most people get this wrong? Thoughts on ${i}`
            : `Here is a plain thought number ${i}`,
          publishedAt: `${addDays('2026-08-01', i)}T${String(8 + (i % 3) * 5).padStart(2, '0')}:00:00.000Z`,
          mediaCount: i % 3 === 0 ? 1 : 0,
          metrics: { impressions: 1000, likes },
        });
      }
      const result = await invokeTyped(t.core, 'analytics:get-success-factors', {});
      expect(result.ok).toBe(true);
      if (!result.ok || result.value.kind !== 'model') throw new Error('expected a model');
      const model = result.value;
      expect(model.postsUsed).toBe(30);
      const question = model.factors.find((f) => f.feature === 'hook:question');
      expect(question).toMatchObject({ confident: true, support: 15 });
      // Ridge shrinks the effect (and shares it with its complement, "opens with a statement"), so only its size class is checked.
      expect(question?.effectPercent).toBeGreaterThan(30);
      expect(question?.low).toBeGreaterThan(0);
      expect(question?.meanWith).toBeGreaterThan(question?.meanWithout as number);
      expect(question?.sentence).toMatch(
        /^Opens with a question: goes with \d+ % higher engagement \(90 % interval \+\d+ % to \+\d+ %; 15 of your posts\)\.$/,
      );
      expect(model.sentences).toContain(question?.sentence);
      expect(model.factors.find((f) => f.feature === 'has:media')?.confident).toBe(false);
    });

    it('says why when there are fewer than 20 posts', async () => {
      for (let i = 0; i < 10; i++) {
        await fx.post({
          platform: 'x',
          publishedAt: `${addDays('2026-08-01', i)}T09:00:00.000Z`,
          metrics: { impressions: 1000, likes: 10 + i },
        });
      }
      const result = await t.core.domains.analytics.service.successFactors({ from: '2026-08-01', to: '2026-08-31' });
      expect(result).toEqual({
        kind: 'insufficient',
        insufficient: 'Need at least 20 posts with engagement data to compare features; have 10.',
        postsUsed: 10,
      });
    });
  });

  describe('post metrics', () => {
    it('shows the latest counts, rate, formula and every snapshot of each publication', async () => {
      const seeded = await fx.post({
        platform: 'linkedin',
        publishedAt: '2026-11-02T09:00:00.000Z',
        capturedAt: '2026-11-03T09:00:00.000Z',
        metrics: { impressions: 500, likes: 10, comments: 5 },
      });
      await fx.snapshot(seeded.publicationId, '2026-11-09T09:00:00.000Z', {
        impressions: 1000,
        likes: 30,
        comments: 5,
        clicks: 5,
      });
      const result = await invokeTyped(t.core, 'analytics:get-post-metrics', { postId: seeded.postId });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const [publication] = result.value.publications;
      // Latest: (clicks 5 + reactions 30 + comments 5) ÷ impressions 1000 = 0.04.
      expect(publication?.publication).toMatchObject({
        platform: 'linkedin',
        impressions: 1000,
        engagements: 40,
        engagementRate: 0.04,
      });
      expect(publication?.metricsAt).toBe('2026-11-09T09:00:00.000Z');
      expect(publication?.formula.denominator).toBe('impressions');
      // First snapshot: (10 + 5) ÷ 500 = 0.03.
      expect(publication?.snapshots.map((s) => [s.capturedAt, s.engagements, s.engagementRate])).toEqual([
        ['2026-11-03T09:00:00.000Z', 15, 0.03],
        ['2026-11-09T09:00:00.000Z', 40, 0.04],
      ]);
    });

    it('refuses an unknown post, and shows none for a post never published', async () => {
      const missing = await invokeTyped(t.core, 'analytics:get-post-metrics', {
        postId: '00000000-0000-4000-8000-000000000000',
      });
      expect(!missing.ok && missing.error).toMatchObject({ code: 'NOT_FOUND', message: 'That post was not found.' });
      const draft = await t.core.services.posts.create({ title: 'Draft' });
      const result = await invokeTyped(t.core, 'analytics:get-post-metrics', { postId: draft.id });
      expect(result).toEqual({ ok: true, value: { postId: draft.id, publications: [] } });
    });
  });
});
