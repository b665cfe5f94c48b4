import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostStatus } from '../../shared/domain/post';
import type { Platform } from '../../shared/domain/platform';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import type { DomainDeps } from '../domain-deps';
import { createBrand } from './brand.setup';

describe('brand voice', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(async () => {
    await t.dispose();
  });

  async function post(body: string, status: PostStatus = 'published', platforms: Platform[] = ['x']): Promise<string> {
    t.clock.advance(60_000);
    return (await t.core.services.posts.create({ body, status, platforms })).id;
  }

  const brand = (): TestCore['core']['domains']['brand']['service'] => t.core.domains.brand.service;
  const deps = (): DomainDeps => ({
    ports: t.core.ports,
    database: t.core.database,
    events: t.core.events,
    llm: t.core.services.llm,
    posts: t.core.services.posts,
    profile: t.core.services.profile,
  });

  it('has no voice before learning, and says how many posts it has', async () => {
    await post('One post so far');
    expect(await t.core.dispatcher.invoke('brand:get-voice', {})).toMatchObject({
      ok: true,
      value: { voice: null, learnedAt: null, learnedFrom: 0, availablePosts: 1, minimumPosts: 5, editedFields: [] },
    });
  });

  it('refuses to learn from fewer than five posts with text, saying so', async () => {
    for (const body of ['one', 'two', 'three', 'four']) await post(body);
    await post('   ');
    const trashed = await post('trashed');
    await t.core.services.posts.trash([trashed]);
    expect(await t.core.dispatcher.invoke('brand:learn-voice', {})).toEqual({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: 'Not enough posts yet: learning your voice needs at least 5 of your posts with text, and there are 4.',
        details: { found: 4, needed: 5 },
      },
    });
  });

  it('learns from published posts first', async () => {
    for (let i = 0; i < 5; i++) await post(`I'm thrilled! Ship it fast, friends ${i}. 🚀 #buildinpublic`);
    for (let i = 0; i < 6; i++) await post(`Quarterly considerations regarding documentation ${i}.`, 'draft');
    const state = await brand().learnVoice();
    expect(state).toMatchObject({ learnedFrom: 5, learnedSource: 'published', learnedAt: '2026-11-25T10:11:00.000Z' });
    expect(state.voice?.tone).toContain('enthusiastic');
    expect(state.voice?.signaturePhrases).toContain('ship it fast');
    expect(state.voice?.emoji).toEqual({ perPost: 1, favourites: ['🚀'] });
    expect(state.voice?.hashtags).toEqual({ perPost: 1, favourites: ['#buildinpublic'] });
  });

  it('counts an imported post (one with a publication) as published', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await post(`Imported post number ${i}`, 'draft'));
    await post('A draft that should not be read', 'draft');
    for (const id of ids) {
      await t.core.database.db
        .insertInto('post_publications')
        .values({ post_id: id, platform: 'x', published_at: '2026-01-01T00:00:00.000Z' } as never)
        .execute();
    }
    expect(await brand().learnVoice()).toMatchObject({ learnedFrom: 5, learnedSource: 'published' });
  });

  it('falls back to any non-empty posts when fewer than five were published', async () => {
    for (let i = 0; i < 3; i++) await post(`Published ${i}`);
    for (let i = 0; i < 4; i++) await post(`Draft ${i}`, 'draft');
    expect(await brand().learnVoice()).toMatchObject({ learnedFrom: 7, learnedSource: 'all', availablePosts: 7 });
  });

  it('keeps edited fields when learning again, unless told to overwrite; notes always stay', async () => {
    for (let i = 0; i < 5; i++) await post(`Hello there friends, post ${i}!`);
    await brand().learnVoice();
    t.clock.advance(1000);
    const saved = await brand().saveVoice({ tone: ['warm', 'wry'], notes: 'No corporate jargon.' });
    expect(saved).toMatchObject({ editedFields: ['tone', 'notes'], editedAt: '2026-11-25T10:05:01.000Z' });

    const relearned = await brand().learnVoice();
    expect(relearned.voice).toMatchObject({ tone: ['warm', 'wry'], notes: 'No corporate jargon.' });
    expect(relearned.editedFields).toEqual(['tone', 'notes']);

    const overwritten = await brand().learnVoice({ overwriteEdits: true });
    expect(overwritten.voice?.tone).toContain('enthusiastic');
    expect(overwritten.voice?.notes).toBe('No corporate jargon.');
    expect(overwritten.editedFields).toEqual(['notes']);
  });

  it('saves edits before any learning', async () => {
    const result = await t.core.dispatcher.invoke('brand:save-voice', { signaturePhrases: ['stay curious'] });
    expect(result).toMatchObject({
      ok: true,
      value: {
        voice: { signaturePhrases: ['stay curious'], tone: [] },
        learnedAt: null,
        editedFields: ['signaturePhrases'],
      },
    });
  });

  describe('voiceGuide examples', () => {
    async function library(): Promise<Record<string, string>> {
      return {
        sourdough: await post('My sourdough starter finally doubled overnight. Rye flour did it.', 'published', [
          'instagram',
        ]),
        sourdoughX: await post('Sourdough tip: feed the starter with rye flour.', 'published', ['x']),
        running: await post('Ran my first half marathon this morning.', 'published', ['x']),
        coding: await post('Refactored the parser today, tests all green.', 'published', ['x']),
        garden: await post('Tomatoes are finally turning red in the garden.', 'published', ['x']),
      };
    }

    it('picks posts by the text’s distinctive words (bm25), platform first', async () => {
      const ids = await library();
      const guide = await brand().voiceGuide('How I keep my sourdough starter alive with rye', 'x', 2);
      expect(guide.method).toBe('lexical');
      expect(guide.examples.map((example) => example.postId)).toEqual([ids['sourdoughX'], ids['sourdough']]);
      expect(guide.instructions).toBe('');
    });

    it('never offers the text itself as an example', async () => {
      const ids = await library();
      const guide = await brand().voiceGuide('Ran my first half marathon this morning.', undefined, 3);
      expect(guide.examples.map((example) => example.postId)).not.toContain(ids['running']);
    });

    it('falls back to the newest posts when no word matches', async () => {
      const ids = await library();
      const guide = await brand().voiceGuide('zzz qqq', undefined, 2);
      expect(guide).toMatchObject({ method: 'recent' });
      expect(guide.examples.map((example) => example.postId)).toEqual([ids['garden'], ids['coding']]);
    });

    it('uses semantic neighbours when a similar() function is given, and falls back when it fails', async () => {
      const ids = await library();
      const semantic = createBrand(deps(), async () => [{ postId: ids['garden']! }, { postId: 'missing' }]);
      expect(await semantic.service.voiceGuide('growing vegetables', 'x', 3)).toMatchObject({
        method: 'semantic',
        examples: [{ postId: ids['garden'], text: 'Tomatoes are finally turning red in the garden.' }],
      });
      const failing = createBrand(deps(), async () => {
        throw new Error('no embeddings model');
      });
      expect((await failing.service.voiceGuide('sourdough', 'x', 1)).method).toBe('lexical');
    });

    it('adds the learned voice as instructions, through brand:preview-examples', async () => {
      await library();
      await brand().learnVoice();
      const result = await t.core.dispatcher.invoke('brand:preview-examples', {
        text: 'rye bread',
        platform: 'x',
        k: 1,
      });
      expect(result).toMatchObject({
        ok: true,
        value: { method: 'lexical', examples: [{ text: 'Sourdough tip: feed the starter with rye flour.' }] },
      });
      if (!result.ok) return;
      const { instructions } = result.value as { instructions: string };
      expect(instructions).toMatch(
        /^Write in the creator's voice: .+\. Their X posts are typically about \d+ characters long\./u,
      );
      expect(instructions).toContain('They do not use emoji.');
    });
  });
});
