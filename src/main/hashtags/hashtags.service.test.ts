import { afterEach, describe, expect, it } from 'vitest';
import type { HashtagRecommendation } from '../../shared/contract/hashtags';
import type { Platform } from '../../shared/domain/platform';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { AnalyticsFixtures } from '../analytics/analytics.fixtures.test-support';

let t: TestCore;
afterEach(() => t.dispose());

async function recommend(input: { text: string; platform: Platform; postId?: string }): Promise<HashtagRecommendation> {
  const result = await t.core.dispatcher.invoke('hashtags:recommend', input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as HashtagRecommendation;
}

async function onboard(niche = 'sourdough baking'): Promise<void> {
  await t.core.services.profile.save({
    name: 'Rosa',
    niche,
    platforms: ['linkedin', 'x', 'instagram'],
    timezone: 'UTC',
    goal: { metric: 'followers', target: 2000, deadline: '2027-06-01' },
    cadence: { postsPerWeek: 3, days: ['mon', 'wed', 'fri'] },
  });
}

/** LinkedIn history: 5 strong posts tagged #sourdough (+ #breadmaking on 2), 5 weak ones tagged #recipes. */
async function seedLinkedIn(): Promise<void> {
  const f = new AnalyticsFixtures(t.core);
  for (let i = 0; i < 5; i += 1) {
    await f.post({
      platform: 'linkedin',
      body: `Starter day ${i}. #sourdough${i < 2 ? ' #breadmaking' : ''}`,
      publishedAt: `2026-10-0${i + 1}T09:00:00.000Z`,
      metrics: { impressions: 1000, likes: 40 + i, comments: 1 },
    });
  }
  for (let i = 0; i < 5; i += 1) {
    await f.post({
      platform: 'linkedin',
      body: `Dinner idea ${i}. #recipes`,
      publishedAt: `2026-10-1${i}T09:00:00.000Z`,
      metrics: { impressions: 1000, likes: 5 },
    });
  }
}

describe('hashtags:recommend', () => {
  it('ranks tags from the best posts first, explains each, and never repeats a tag in the text', async () => {
    t = await createTestCore();
    await onboard();
    await seedLinkedIn();

    const result = await recommend({
      text: 'How I keep my sourdough starter alive through a cold winter. What works for you? #breadmaking',
      platform: 'linkedin',
    });

    expect(result.inText).toEqual(['breadmaking']);
    expect(result.room).toBe(4); // LinkedIn norm 3–5, one already there
    expect(result.suggestions.length).toBeLessThanOrEqual(4);
    expect(result.suggestions.map((s) => s.tag)).not.toContain('breadmaking');
    const top = result.suggestions[0]!;
    expect(top.tag).toBe('sourdough');
    expect(top.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^used on 5 of your 5 best LinkedIn posts \(avg 4\.\d % engagement\)$/u),
        "matches 'sourdough' in your text",
        'your niche: sourdough baking',
      ]),
    );
    expect(result.notes).toContain('No trend data for LinkedIn: trends are left out.');
  });

  it('uses trend data only where it relates to the post, and says where it came from', async () => {
    t = await createTestCore();
    await onboard();
    await t.core.database.db
      .insertInto('hashtag_trends')
      .values([
        {
          tag: 'sourdoughstarter',
          platform: 'x',
          score: 90,
          source: 'manual import',
          observed_at: '2026-11-20T00:00:00.000Z',
        },
        {
          tag: 'worldcup',
          platform: 'x',
          score: 100,
          source: 'manual import',
          observed_at: '2026-11-20T00:00:00.000Z',
        },
      ])
      .execute();

    const result = await recommend({ text: 'My sourdough starter doubled overnight. Yours?', platform: 'x' });

    expect(result.room).toBe(2);
    const tags = result.suggestions.map((s) => s.tag);
    expect(tags).toContain('sourdoughstarter');
    expect(tags).not.toContain('worldcup');
    const trend = result.suggestions.find((s) => s.tag === 'sourdoughstarter')!;
    expect(trend.reasons).toEqual(
      expect.arrayContaining([
        'trending on X (source manual import, 2026-11-20)',
        "matches 'sourdough starter' in your text",
      ]),
    );
    expect(result.notes).toContain(
      'No published posts with results yet: suggestions come from this text and your niche.',
    );
  });

  it('fills Instagram up to 30 minus the tags already there', async () => {
    t = await createTestCore();
    await onboard();
    const existing = Array.from({ length: 28 }, (_, i) => `#tag${i}x`).join(' ');
    const result = await recommend({
      text: `Crumb shot of today's sourdough loaf. ${existing}`,
      platform: 'instagram',
    });
    expect(result.room).toBe(2);
    expect(result.suggestions).toHaveLength(2);
  });

  it('suggests nothing when the post already has the most that works, and says so', async () => {
    t = await createTestCore();
    const result = await recommend({ text: 'Bread day. #sourdough', platform: 'threads' });
    expect(result).toMatchObject({ room: 0, suggestions: [] });
    expect(result.notes[0]).toContain('1 is the most that works on Threads');
  });

  it('leaves the post being written out of its own history', async () => {
    t = await createTestCore();
    const f = new AnalyticsFixtures(t.core);
    const seeded = await f.post({
      platform: 'x',
      body: 'Rye day. #ryebread',
      publishedAt: '2026-10-01T09:00:00.000Z',
      metrics: { impressions: 100, likes: 10 },
    });
    const withIt = await recommend({ text: 'Baking again today.', platform: 'x' });
    expect(withIt.suggestions.map((s) => s.tag)).toContain('ryebread');
    const without = await recommend({ text: 'Baking again today.', platform: 'x', postId: seeded.postId });
    expect(without.suggestions.map((s) => s.tag)).not.toContain('ryebread');
  });
});
