import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../shared/contract';
import type { QualityReport } from '../../shared/quality/finding';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { LlmService } from '../llm/llm.service';
import { answer, ScriptedProvider } from '../llm/router/scripted-provider.test-support';
import { QualityService } from './quality.service';

let t: TestCore;
afterEach(() => t.dispose());

const EARLIER =
  'I fed the starter at nine and it doubled by noon. The dough felt soft and a bit sticky in my hands. What do you think?';

async function invoke(channel: string, input: unknown) {
  return t.core.dispatcher.invoke(channel as never, input as never);
}

/** A quality service whose LLM answers with `chunks` (a scripted local provider). */
function serviceAnswering(chunks: string[]): { quality: QualityService; provider: ScriptedProvider } {
  const provider = new ScriptedProvider('ollama', 'local', answer(chunks));
  const llm = new LlmService({
    database: t.core.database,
    clock: t.clock,
    events: t.core.events,
    providers: { ollama: provider },
    priceOf: () => ({ inPerM: 0, outPerM: 0 }),
    hasCloudKey: async () => false,
  });
  const deps = {
    ports: t.core.ports,
    database: t.core.database,
    events: t.core.events,
    llm,
    posts: t.core.services.posts,
    profile: t.core.services.profile,
  };
  return { quality: new QualityService(deps), provider };
}

describe('quality:score-post', () => {
  it('scores a text and finds a near-duplicate of an earlier post, but not of the post itself', async () => {
    t = await createTestCore();
    const earlier = await t.core.services.posts.create({ title: 'Starter notes', body: EARLIER, platforms: ['x'] });
    const text = EARLIER.replace('hands.', 'hands!');

    const result = await invoke('quality:score-post', { text, platform: 'x' });
    expect(result.ok).toBe(true);
    const report = (result as { value: QualityReport }).value;
    const duplicate = report.findings.find((f) => f.id === 'duplicate');
    expect(duplicate?.related).toMatchObject({ postId: earlier.id, title: 'Starter notes' });
    expect(duplicate?.message).toContain('Starter notes');
    expect(report.score).toBe(100 - report.findings.reduce((s, f) => s + f.penalty, 0));

    const own = await invoke('quality:score-post', { postId: earlier.id });
    expect((own as { value: QualityReport }).value.findings.map((f) => f.id)).not.toContain('duplicate');
  });

  it('sees edits, new posts and trashing made after the first lookup', async () => {
    t = await createTestCore();
    const earlier = await t.core.services.posts.create({ title: 'Notes', body: EARLIER, platforms: ['x'] });
    const quality = t.core.domains.quality.service;
    const ids = async () => (await quality.score({ text: EARLIER, platform: 'x' })).findings.map((f) => f.id);
    expect(await ids()).toContain('duplicate');

    await t.core.services.posts.update(earlier.id, earlier.version, {
      body: 'Something else entirely, about rye and spelt flour.',
    });
    expect(await ids()).not.toContain('duplicate');

    const again = await t.core.services.posts.create({ title: 'Again', body: EARLIER, platforms: ['x'] });
    expect(await ids()).toContain('duplicate');
    await t.core.services.posts.trash([again.id]);
    expect(await ids()).not.toContain('duplicate');
  });

  it('re-reads rows written without an event once told the posts changed', async () => {
    t = await createTestCore();
    const quality = t.core.domains.quality.service;
    expect((await quality.score({ text: EARLIER, platform: 'x' })).findings.map((f) => f.id)).not.toContain(
      'duplicate',
    );
    const at = '2026-11-25T10:00:00.000Z';
    await t.core.database.db
      .insertInto('posts')
      .values({
        id: randomUUID(),
        title: 'Imported',
        body: EARLIER,
        status: 'published',
        tags: '[]',
        platforms: '["x"]',
        scheduled_at: null,
        created_at: at,
        updated_at: at,
        version: 1,
        deleted_at: null,
      })
      .execute();
    quality.duplicates.markDirty();
    expect((await quality.score({ text: EARLIER, platform: 'x' })).findings.map((f) => f.id)).toContain('duplicate');
  });

  it('uses the post body and its first platform, and says when the post has none', async () => {
    t = await createTestCore();
    const post = await t.core.services.posts.create({ body: 'Hey guys CLICK HERE!!!', platforms: ['linkedin'] });
    const result = await invoke('quality:score-post', { postId: post.id });
    const report = (result as { value: QualityReport }).value;
    expect(report.platform).toBe('linkedin');
    expect(report.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['hook-weak', 'spam-phrases']));

    const bare = await t.core.services.posts.create({ body: 'No platform here' });
    const refused = await invoke('quality:score-post', { postId: bare.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const missing = await invoke('quality:score-post', { postId: randomUUID() });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('quality:fix-finding', () => {
  it('applies a deterministic fix without saving anything', async () => {
    t = await createTestCore();
    const post = await t.core.services.posts.create({
      body: 'Why my rise doubled? Try it. #sourdough #bread #baking #food',
      platforms: ['x'],
    });
    const result = await invoke('quality:fix-finding', {
      postId: post.id,
      platform: 'x',
      findingId: 'hashtags-too-many',
    });
    expect(result).toEqual({
      ok: true,
      value: { text: 'Why my rise doubled? Try it. #sourdough #bread', kind: 'auto' },
    });
    expect((await t.core.services.posts.get(post.id)).body).toBe(post.body);
  });

  it('refuses a finding that does not apply, and one without a one-click fix', async () => {
    t = await createTestCore();
    const gone = await invoke('quality:fix-finding', {
      text: 'How I bake. Tell me yours?',
      platform: 'x',
      findingId: 'spam-caps',
    });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const none = await invoke('quality:fix-finding', {
      text: 'How I bake bread every day. What would you try first?',
      platform: 'linkedin',
      findingId: 'hashtags-none',
    });
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('rewrites with the AI (task rewriting), streaming under the requestId', async () => {
    t = await createTestCore();
    const { quality, provider } = serviceAnswering(['Why did my loaf ', 'finally rise?\n\nA warmer kitchen.']);
    const tokens: EventMap['llm:token'][] = [];
    t.core.events.onAny((name, payload) => {
      if (name === 'llm:token') tokens.push(payload as EventMap['llm:token']);
    });
    const requestId = randomUUID();
    const fixed = await quality.fix({
      text: 'In this post I talk about my loaf.\n\nA warmer kitchen.',
      platform: 'x',
      findingId: 'hook-weak',
      requestId,
    });
    expect(fixed).toEqual({ text: 'Why did my loaf finally rise?\n\nA warmer kitchen.', kind: 'ai' });
    expect(tokens.filter((e) => e.requestId === requestId).map((e) => e.text)).toEqual([
      'Why did my loaf ',
      'finally rise?\n\nA warmer kitchen.',
    ]);
    expect(provider.calls[0]?.messages.at(-1)?.content).toContain('In this post I talk about my loaf.');
  });
});

describe('quality:critique-post', () => {
  it('returns the model critique validated from JSON (fenced or not), as task classification', async () => {
    t = await createTestCore();
    const { quality, provider } = serviceAnswering([
      '```json\n{"strengths": ["Clear hook"], ',
      '"issues": [{"message": "No call to action", "suggestion": "Ask a question"}]}\n```',
    ]);
    const critique = await quality.critique({ text: 'Why bread rises.', platform: 'x' });
    expect(critique).toEqual({
      strengths: ['Clear hook'],
      issues: [{ message: 'No call to action', suggestion: 'Ask a question' }],
      provider: 'ollama',
      model: expect.any(String),
    });
    expect(provider.calls[0]?.jsonSchema).toMatchObject({ required: ['strengths', 'issues'] });
  });

  it('says UNAVAILABLE when the answer cannot be read, never inventing a critique', async () => {
    t = await createTestCore();
    const { quality } = serviceAnswering(['Once upon a time there was a little loaf.']);
    await expect(quality.critique({ text: 'Why bread rises.', platform: 'x' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: "The model's critique could not be read",
    });
    const { quality: wrongShape } = serviceAnswering(['{"strengths": "good", "issues": []}']);
    await expect(wrongShape.critique({ text: 'Why bread rises.', platform: 'x' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it('fails with a contract error when no engine is running', async () => {
    t = await createTestCore();
    const result = await invoke('quality:critique-post', { text: 'Why bread rises.', platform: 'x' });
    expect(result).toMatchObject({ ok: false });
  });
});
