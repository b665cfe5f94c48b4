import { afterEach, describe, expect, it } from 'vitest';
import { draftIdeaInputSchema } from '../../shared/contract/studio';
import type { Platform } from '../../shared/domain/platform';
import { countText } from '../../shared/platforms';
import { shapeForPlatform } from '../../shared/platforms/shape';
import { splitThread } from '../../shared/platforms/thread';
import { type GenerateRequest, LlmError } from '../llm/provider';
import { answer, ScriptedProvider, type Script } from '../llm/router/scripted-provider.test-support';
import { ideaInput, type StudioHarness, startStudio } from './studio.test-support';

let h: StudioHarness;
afterEach(() => h?.dispose());

/** About 900 characters in ten sentences, with two hashtags: longer than one X or Bluesky post. */
const LONG = [
  'Most sourdough failures start days before the bake, with a starter that is fed on a schedule instead of watched.',
  'A starter is ready when it has doubled and smells sweet, not when the clock says so.',
  'Feed it at the same temperature every time, because warmth changes everything about its rhythm.',
  'Use rye flour for a sluggish starter; it carries more wild yeast and more food for it.',
  'Keep the jar loosely covered so gases escape but the surface does not dry out.',
  'Mark the level with a rubber band after feeding, then look again in four hours.',
  'If it rose and fell already, you waited too long: feed it sooner next time.',
  'Bake with it at its peak and the crumb opens up on its own.',
  'Write down each feeding for a week and you will see the pattern clearly.',
  'Your bread will thank you. #sourdough #baking',
].join(' ');

const words = (text: string) => text.match(/\S+\s*/gu) ?? [];
const platformOf = (request: GenerateRequest): Platform | undefined => {
  const system = request.messages[0]?.content ?? '';
  const names: Record<string, Platform> = { X: 'x', Bluesky: 'bluesky', LinkedIn: 'linkedin', Threads: 'threads' };
  const name = /Write one (\w+) post/u.exec(system)?.[1];
  return name ? names[name] : undefined;
};

/** Streams `chunks`, then waits until `gate` opens (or the call is cancelled), then streams `rest`. */
function streamWithGate(chunks: string[], gate: Promise<void>, rest: string[] = []): Script {
  return async (request) => {
    for (const chunk of chunks) request.onToken?.(chunk);
    await new Promise<void>((resolve, reject) => {
      request.signal?.addEventListener('abort', () => reject(new LlmError('cancelled', 'aborted')));
      void gate.then(resolve);
    });
    for (const chunk of rest) request.onToken?.(chunk);
    const text = [...chunks, ...rest].join('');
    return {
      text,
      tokensIn: 10,
      tokensOut: chunks.length + rest.length,
      ttftMs: 1,
      durationMs: 2,
      finishReason: 'stop',
    };
  };
}

async function draft(input: ReturnType<typeof ideaInput>) {
  return h.studio.draftIdea(draftIdeaInputSchema.parse(input));
}

describe('studio: idea → drafts per platform', () => {
  it('drafts three platforms, shaped: X split and numbered, Bluesky within 300 graphemes, LinkedIn one post', async () => {
    h = await startStudio(new ScriptedProvider('ollama', 'local', answer(words(LONG))));
    const { ideaId, drafts } = await draft(
      ideaInput({ kind: 'topic', value: 'Sourdough starters' }, ['x', 'bluesky', 'linkedin']),
    );
    expect(drafts.map((d) => [d.platform, d.variant])).toEqual([
      ['x', 'A'],
      ['bluesky', 'A'],
      ['linkedin', 'A'],
    ]);
    await Promise.all(drafts.map((d) => h.progressOf(d.postId, 'done')));

    const posts = h.t.core.services.posts;
    const [x, bluesky, linkedin] = await Promise.all(drafts.map((d) => posts.get(d.postId)));
    const xParts = splitThread(x!.body);
    expect(xParts.length).toBeGreaterThan(1);
    xParts.forEach((part, i) => {
      expect(countText('x', part).over).toBe(false);
      expect(part.endsWith(`${i + 1}/${xParts.length}`)).toBe(true);
    });
    const blueskyParts = splitThread(bluesky!.body);
    expect(blueskyParts.length).toBeGreaterThan(1);
    for (const part of blueskyParts) expect([...new Intl.Segmenter().segment(part)].length).toBeLessThanOrEqual(300);
    expect(splitThread(linkedin!.body)).toHaveLength(1);
    for (const [post, platform] of [
      [x, 'x'],
      [bluesky, 'bluesky'],
      [linkedin, 'linkedin'],
    ] as const) {
      expect(post).toMatchObject({ status: 'draft', platforms: [platform], title: 'Sourdough starters' });
      expect(post!.body).toBe(shapeForPlatform(platform, LONG).text);
      expect(await posts.listRevisions(post!.id)).toHaveLength(2); // the empty draft, then the generated text
    }

    const idea = await h.studio.getIdea(ideaId);
    expect(idea).toMatchObject({ topic: 'Sourdough starters', source: { kind: 'topic', value: 'Sourdough starters' } });
    expect(idea.drafts.map((d) => [d.platform, d.status, d.requestId])).toEqual(
      drafts.map((d) => [d.platform, 'done', d.requestId]),
    );
    for (const d of drafts) {
      expect(h.progress.filter((p) => p.postId === d.postId).map((p) => p.status)).toEqual([
        'queued',
        'streaming',
        'done',
      ]);
    }
    const origins = await h.t.core.database.db
      .selectFrom('post_origins')
      .selectAll()
      .where('idea_id', '=', ideaId)
      .execute();
    expect(origins).toHaveLength(3);
    expect(await h.studio.listIdeas(10)).toMatchObject([
      { id: ideaId, draftCount: 3, active: false, sourceKind: 'topic' },
    ]);
  });

  it('streams the tokens as llm:token events in order, and done carries the shaped text', async () => {
    h = await startStudio(new ScriptedProvider('ollama', 'local', answer(words(LONG))));
    const { drafts } = await draft(ideaInput({ kind: 'text', value: 'Notes on feeding a starter\nmore notes' }, ['x']));
    const [only] = drafts;
    const done = await h.progressOf(only!.postId, 'done');
    const streamed = h.tokens.filter((e) => e.requestId === only!.requestId).map((e) => e.text);
    expect(streamed).toEqual(words(LONG));
    expect(done).toMatchObject({ text: shapeForPlatform('x', LONG).text, saved: true });
    expect((await h.studio.getIdea(done.ideaId)).topic).toBe('Notes on feeding a starter');
  });

  it('runs at most two generations at a time and gives variants distinct angles', async () => {
    let active = 0;
    let most = 0;
    const provider = new ScriptedProvider('ollama', 'local', async (request, call) => {
      active += 1;
      most = Math.max(most, active);
      try {
        return await answer(words('One two three four five six seven eight.'), { delayMs: 2 })(request, call);
      } finally {
        active -= 1;
      }
    });
    h = await startStudio(provider);
    const { drafts } = await draft(ideaInput({ kind: 'topic', value: 'Rye' }, ['x', 'threads'], 3));
    await Promise.all(drafts.map((d) => h.progressOf(d.postId, 'done')));
    expect(most).toBe(2);
    expect(provider.calls).toHaveLength(6);
    const systems = new Set(provider.calls.map((c) => c.messages[0]?.content));
    expect(systems.size).toBe(6); // every platform × variant got its own instructions
  });

  it('cancel mid-stream keeps the partial text and marks every draft of the idea cancelled', async () => {
    const provider = new ScriptedProvider(
      'ollama',
      'local',
      streamWithGate(['Feed ', 'your ', 'starter '], new Promise(() => {})),
    );
    h = await startStudio(provider);
    const { ideaId, drafts } = await draft(ideaInput({ kind: 'topic', value: 'Rye' }, ['x', 'mastodon'], 2));
    await h.tokensFor(drafts[0]!.requestId, 3);
    await h.tokensFor(drafts[1]!.requestId, 3);

    expect(await h.studio.cancelDrafts(ideaId)).toEqual({ cancelled: 4 });
    const events = await Promise.all(drafts.map((d) => h.progressOf(d.postId, 'cancelled')));
    expect(events[0]).toMatchObject({ text: 'Feed your starter', saved: true });
    const posts = await Promise.all(drafts.map((d) => h.t.core.services.posts.get(d.postId)));
    expect(posts.map((p) => p.body)).toEqual(['Feed your starter', 'Feed your starter', '', '']);
    expect(provider.calls).toHaveLength(2); // the two queued drafts never started
    expect((await h.studio.getIdea(ideaId)).drafts.map((d) => d.status)).toEqual(Array(4).fill('cancelled'));
    expect(await h.studio.cancelDrafts(ideaId)).toEqual({ cancelled: 0 });
  });

  it('never overwrites an edit made while the draft streams; done offers the text instead', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    h = await startStudio(
      new ScriptedProvider('ollama', 'local', streamWithGate(['A draft ', 'that '], gate, ['was late.'])),
    );
    const { ideaId, drafts } = await draft(ideaInput({ kind: 'topic', value: 'Rye' }, ['linkedin']));
    const postId = drafts[0]!.postId;
    await h.tokensFor(drafts[0]!.requestId, 2);
    const posts = h.t.core.services.posts;
    const post = await posts.get(postId);
    await posts.update(postId, post.version, { body: 'My own words, typed while it streamed.', title: 'Mine' });
    open();

    const done = await h.progressOf(postId, 'done');
    expect(done).toMatchObject({ saved: false, text: 'A draft that was late.' });
    expect(await posts.get(postId)).toMatchObject({ body: 'My own words, typed while it streamed.', title: 'Mine' });
    expect((await h.studio.getIdea(ideaId)).drafts[0]).toMatchObject({
      status: 'done',
      body: 'My own words, typed while it streamed.',
      suggestion: 'A draft that was late.',
    });
  });

  it('a failing provider fails only its draft, with a clear error, while the others finish', async () => {
    const ok = answer(words('Short and sweet.'));
    h = await startStudio(
      new ScriptedProvider('ollama', 'local', async (request, call) => {
        if (platformOf(request) === 'bluesky')
          throw new LlmError('context_too_long', 'the prompt is longer than the model can read');
        return ok(request, call);
      }),
    );
    const { ideaId, drafts } = await draft(ideaInput({ kind: 'topic', value: 'Rye' }, ['x', 'bluesky', 'linkedin']));
    const failed = await h.progressOf(drafts[1]!.postId, 'failed');
    expect(failed.error).toMatch(/^This draft could not be written: .+/u);
    await h.progressOf(drafts[0]!.postId, 'done');
    await h.progressOf(drafts[2]!.postId, 'done');
    const idea = await h.studio.getIdea(ideaId);
    expect(idea.drafts.map((d) => d.status)).toEqual(['done', 'failed', 'done']);
    expect(idea.drafts[1]).toMatchObject({ body: '', error: failed.error });
  });
});

describe('studio: sources', () => {
  it('a link that cannot be read is drafted from the address, with a warning', async () => {
    const provider = new ScriptedProvider('ollama', 'local', answer(['About this link.']));
    h = await startStudio(provider, { fetchPage: () => Promise.reject(new Error('the site answered 404 Not Found')) });
    const { drafts } = await draft(ideaInput({ kind: 'link', value: 'https://example.com/rye' }, ['x']));
    const done = await h.progressOf(drafts[0]!.postId, 'done');
    expect(done.warnings).toEqual([
      'The link could not be read (the site answered 404 Not Found), so this draft was written from the address alone.',
    ]);
    expect(provider.calls[0]?.messages[1]?.content).toContain('https://example.com/rye');
  });

  it('a link that was read gives its title, description and paragraphs to the prompt', async () => {
    const provider = new ScriptedProvider('ollama', 'local', answer(['About this page.']));
    const page = { title: 'Rye starters', description: 'How rye helps', excerpt: 'Rye carries wild yeast.' };
    h = await startStudio(provider, { fetchPage: async () => page });
    const { drafts } = await draft(ideaInput({ kind: 'link', value: 'https://example.com/rye' }, ['x']));
    await h.progressOf(drafts[0]!.postId, 'done');
    const user = provider.calls[0]?.messages[1]?.content ?? '';
    for (const piece of [
      'https://example.com/rye',
      'Title: Rye starters',
      'How rye helps',
      'Rye carries wild yeast.',
    ]) {
      expect(user).toContain(piece);
    }
  });

  it('an existing post is adapted from its body and named after its title', async () => {
    const provider = new ScriptedProvider('ollama', 'local', answer(['Adapted.']));
    h = await startStudio(provider);
    const source = await h.t.core.services.posts.create({ title: 'Starter diary', body: 'Day 3: it doubled.' });
    const { ideaId, drafts } = await draft(ideaInput({ kind: 'post', value: source.id }, ['bluesky']));
    await h.progressOf(drafts[0]!.postId, 'done');
    expect(provider.calls[0]?.messages[1]?.content).toContain('Day 3: it doubled.');
    expect(await h.studio.getIdea(ideaId)).toMatchObject({
      topic: 'Starter diary',
      source: { kind: 'post', value: source.id },
    });
  });
});

describe('studio: contract', () => {
  const call = (input: unknown) => h.t.core.dispatcher.invoke('studio:draft-idea', input);

  it('refuses bad input with plain messages, creating nothing', async () => {
    h = await startStudio(new ScriptedProvider('ollama', 'local', answer(['unused'])));
    const base = ideaInput({ kind: 'topic', value: 'Rye' }, ['x']);
    const noPlatforms = await call({ ...base, platforms: [], drafts: [] });
    expect(noPlatforms).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(noPlatforms)).toContain('Pick at least one platform');

    const ftp = await call({ ...base, source: { kind: 'link', value: 'ftp://example.com/rye.txt' } });
    expect(ftp).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(ftp)).toContain('A link must start with http:// or https://');

    const unknown = await call({ ...base, source: { kind: 'post', value: '3f2b8c1e-5d4a-4b6c-9e7f-0a1b2c3d4e5f' } });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'The post to draft from does not exist (it may have been deleted)' },
    });
    expect(await h.t.core.database.db.selectFrom('ideas').selectAll().execute()).toEqual([]);
    expect(
      await h.t.core.dispatcher.invoke('studio:get-idea', { ideaId: '3f2b8c1e-5d4a-4b6c-9e7f-0a1b2c3d4e5f' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That idea does not exist' },
    });
  });
});

describe('studio: templates and A/B pairs', () => {
  it('follows a template with the values given, leaving blanks for the model', async () => {
    const provider = new ScriptedProvider('ollama', 'local', answer(['Templated.']));
    h = await startStudio(provider);
    const input = {
      ...ideaInput({ kind: 'topic', value: 'Posting daily' }, ['linkedin']),
      templateId: 'hook-value-cta',
      templateValues: { hook: 'I posted every day for 90 days.', cta: ' ' },
    };
    const { ideaId, drafts } = await draft(input);
    await h.progressOf(drafts[0]!.postId, 'done');
    const system = provider.calls[0]?.messages[0]?.content ?? '';
    expect(system).toContain('I posted every day for 90 days.\n\n{{value}}\n\n{{cta}}');
    expect((await h.studio.getIdea(ideaId)).templateId).toBe('hook-value-cta');
    const origin = await h.studio.repository.originOf(drafts[0]!.postId);
    expect(origin).toEqual({ ideaId, variant: 'A' });

    const unknown = await h.studio
      .draftIdea(draftIdeaInputSchema.parse({ ...input, templateId: 'nope' }))
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.t.core.database.db.selectFrom('ideas').select('id').execute()).toHaveLength(1);
  });

  it('marks two variants of one idea on one platform as an A/B pair, and refuses other pairs', async () => {
    h = await startStudio(new ScriptedProvider('ollama', 'local', answer(['Variant.'])));
    const first = await draft(ideaInput({ kind: 'topic', value: 'Rye' }, ['x', 'linkedin'], 2));
    const other = await draft(ideaInput({ kind: 'topic', value: 'Spelt' }, ['x']));
    const [xA, xB, linkedinA] = first.drafts;
    const mark = (postA: string, postB: string) => h.t.core.dispatcher.invoke('studio:mark-ab-pair', { postA, postB });

    // The core's studio serves the channel; it shares this database.
    const pair = await mark(xA!.postId, xB!.postId);
    expect(pair).toMatchObject({
      ok: true,
      value: { platform: 'x', postA: { id: xA!.postId }, postB: { id: xB!.postId } },
    });
    expect(await mark(xA!.postId, linkedinA!.postId)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Both variants must be drafts for the same platform' },
    });
    expect(await mark(xA!.postId, other.drafts[0]!.postId)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Only two variants of the same idea can be an A/B pair' },
    });
  });
});
