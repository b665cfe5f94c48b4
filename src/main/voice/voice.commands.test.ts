import { afterEach, describe, expect, it } from 'vitest';
import { invokeError, invokeOk } from '../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import type { CommandContext } from '../../shared/contract/voice';
import { connectAccount, ScriptedPlatform, scriptedPorts } from '../publishing/queue/scripted-connector.test-support';
import { STARTER_TAG } from './actions/draft-actions';
import { CONFIRMATION_TTL_MS } from './voice-commands';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) await t.dispose();
});

const NOTHING_OPEN: CommandContext = { postId: null, page: null };

async function setup() {
  const t = await createTestCore();
  cores.push(t);
  const say = (text: string, context: CommandContext = NOTHING_OPEN, language?: 'en' | 'es') =>
    invokeOk(t.core, 'voice:run-text', { text, context, ...(language ? { language } : {}) });
  return { t, say };
}

/** A connected Mastodon account and a post for it, through the publishing domain's scripted connector. */
async function withMastodon(t: TestCore) {
  const platform = new ScriptedPlatform('mastodon');
  const runner = t.core.domains.publishing.attach(scriptedPorts(platform), { timer: false, concurrency: 1 });
  await connectAccount(t.core, 'mastodon');
  const post = await t.core.services.posts.create({
    title: 'Sourdough',
    body: 'My sourdough starter turned one today.',
    platforms: ['mastodon'],
  });
  return { platform, runner, post };
}

describe('voice actions', () => {
  it('lists every action with its risk: publishing and deleting are never safe', async () => {
    const { t } = await setup();
    const { actions } = await invokeOk(t.core, 'voice:list-actions', {});
    const risk = Object.fromEntries(actions.map((a) => [a.action, a.risk]));
    expect(Object.keys(risk).sort()).toEqual(
      [
        'analytics.last-post',
        'app.navigate',
        'coach.goal-status',
        'draft.create',
        'draft.read-back',
        'draft.shorten',
        'post.delete',
        'post.publish-now',
        'post.schedule',
        'voice.answer',
        'voice.help',
      ].sort(),
    );
    expect(risk).toMatchObject({
      'post.publish-now': 'publishes',
      'post.schedule': 'publishes',
      'post.delete': 'deletes',
      'draft.create': 'safe',
    });
    const create = actions.find((a) => a.action === 'draft.create')!;
    expect(create.examples.en).not.toBe('');
    expect(create.examples.es).not.toBe('');
  });

  it('creates a draft from a spoken topic; without an AI engine it starts from the topic and says so', async () => {
    const { t, say } = await setup();
    const command = await say('new post about morning routines for LinkedIn');
    expect(command).toMatchObject({ status: 'done', understoodBy: 'grammar', source: 'text', language: 'en' });
    expect(command.intents).toEqual([{ action: 'draft.create', topic: 'morning routines', platform: 'linkedin' }]);
    expect(command.reply).toContain('No AI engine answered');
    const post = await t.core.services.posts.get(command.result.postId!);
    expect(post).toMatchObject({ status: 'draft', platforms: ['linkedin'], tags: [STARTER_TAG] });
    expect(post.body.toLowerCase()).toContain('morning routines');

    // "It" is now that draft: read back, shorten (needs an engine), open a page.
    const read = await say('read it back');
    expect(read).toMatchObject({ status: 'done', reply: post.body, result: { postId: post.id } });
    const shorter = await say('make it shorter');
    expect(shorter.status).toBe('failed');
    expect(shorter.reply).toContain('needs an AI engine');
    expect((await t.core.services.posts.get(post.id)).body).toBe(post.body);
    const open = await say('open the calendar');
    expect(open.result.navigateTo).toBe('calendar');
  });

  it('understands Spanish end to end and answers in Spanish', async () => {
    const { t, say } = await setup();
    const command = await say('nueva publicación sobre café para Instagram');
    expect(command).toMatchObject({ status: 'done', language: 'es' });
    expect(command.reply).toContain('borrador');
    const post = await t.core.services.posts.get(command.result.postId!);
    expect(post.platforms).toEqual(['instagram']);
  });

  it('does nothing with what it did not understand, and suggests commands instead', async () => {
    const { t, say } = await setup();
    const before = (await t.core.services.posts.list({ limit: 10, offset: 0 })).total;
    const command = await say('banana helicopter symphony');
    expect(command).toMatchObject({ status: 'not-understood', intents: [], understoodBy: null });
    expect(command.suggestions.length).toBeGreaterThan(0);
    expect(command.reply).toContain("didn't understand");
    expect((await t.core.services.posts.list({ limit: 10, offset: 0 })).total).toBe(before);
  });

  it('says clearly when the post has no connected account', async () => {
    const { t, say } = await setup();
    const post = await t.core.services.posts.create({ body: 'Hello', platforms: ['linkedin'] });
    const command = await say('post it now', { postId: post.id, page: 'compose' });
    expect(command.status).toBe('failed');
    expect(command.reply).toContain('No LinkedIn account is connected');
    expect(await invokeOk(t.core, 'publishing:list-jobs', { postId: post.id })).toEqual({ jobs: [] });
  });
});

describe('confirmation', () => {
  it('asks before publishing; a spoken yes queues the publish job', async () => {
    const { t, say } = await setup();
    const { post } = await withMastodon(t);
    const asked = await say('post it now', { postId: post.id, page: 'compose' });
    expect(asked.status).toBe('awaiting-confirmation');
    expect(asked.reply).toContain('Say yes or no');
    expect((await invokeOk(t.core, 'publishing:list-jobs', { postId: post.id })).jobs).toEqual([]);

    const yes = await say('yes');
    expect(yes).toMatchObject({ status: 'done', intents: [{ action: 'voice.answer', answer: 'yes' }] });
    expect(yes.result.jobIds).toHaveLength(1);
    const { jobs } = await invokeOk(t.core, 'publishing:list-jobs', { postId: post.id });
    expect(jobs).toMatchObject([{ id: yes.result.jobIds[0], status: 'queued', platform: 'mastodon' }]);
    const settled = (await invokeOk(t.core, 'voice:history', { limit: 5 })).commands.find((c) => c.id === asked.id)!;
    expect(settled.status).toBe('done');
  });

  it('a click and a spoken yes at the same moment publish once', async () => {
    const { t, say } = await setup();
    const { post } = await withMastodon(t);
    const asked = await say('post it now', { postId: post.id, page: 'compose' });
    const [clicked, spoken] = await Promise.allSettled([
      invokeOk(t.core, 'voice:confirm', { commandId: asked.id, answer: 'yes' }),
      say('yes'),
    ]);
    // Whichever came second found the question being answered (or answered) and did nothing.
    const acted = [clicked, spoken].flatMap((r) => (r.status === 'fulfilled' ? r.value.result.jobIds : []));
    expect(acted).toHaveLength(1);
    const { jobs } = await invokeOk(t.core, 'publishing:list-jobs', { postId: post.id });
    expect(jobs).toHaveLength(1);
  });

  it('"no" cancels, a click confirms, and a question expires after a few minutes', async () => {
    const { t, say } = await setup();
    const { post } = await withMastodon(t);
    const ctx: CommandContext = { postId: post.id, page: 'compose' };

    await say('delete it', ctx);
    const no = await say('no');
    expect(no.status).toBe('cancelled');
    expect((await t.core.services.posts.get(post.id)).deletedAt).toBeNull();

    const asked = await say('delete it', ctx);
    const clicked = await invokeOk(t.core, 'voice:confirm', { commandId: asked.id, answer: 'yes' });
    expect(clicked.status).toBe('done');
    expect((await t.core.services.posts.get(post.id)).deletedAt).not.toBeNull();
    expect((await invokeError(t.core, 'voice:confirm', { commandId: asked.id, answer: 'yes' })).code).toBe('CONFLICT');

    const other = await t.core.services.posts.create({ body: 'Second', platforms: ['mastodon'] });
    const late = await say('post it now', { postId: other.id, page: 'compose' });
    t.clock.advance(CONFIRMATION_TTL_MS + 1000);
    const yes = await say('yes');
    expect(yes.status).toBe('cancelled');
    expect(yes.reply).toContain('expired');
    expect((await invokeOk(t.core, 'publishing:list-jobs', { postId: other.id })).jobs).toEqual([]);
    const after = (await invokeOk(t.core, 'voice:history', { limit: 10 })).commands.find((c) => c.id === late.id)!;
    expect(after.status).toBe('cancelled');
    expect((await say('yes')).reply).toContain('nothing waiting');
  });

  it('a custom macro runs in order and pauses at the step that publishes', async () => {
    const { t, say } = await setup();
    await withMastodon(t);
    await invokeOk(t.core, 'voice:save-custom', {
      phrase: 'Ship a sourdough update!',
      language: 'en',
      intents: [
        { action: 'draft.create', topic: 'sourdough update', platform: 'mastodon' },
        { action: 'post.publish-now' },
        { action: 'app.navigate', page: 'calendar' },
      ],
    });
    const asked = await say('ship a sourdough update');
    expect(asked).toMatchObject({ status: 'awaiting-confirmation', understoodBy: 'custom' });
    const draftId = asked.result.postId!;
    expect((await t.core.services.posts.get(draftId)).platforms).toEqual(['mastodon']);
    const yes = await invokeOk(t.core, 'voice:confirm', { commandId: asked.id, answer: 'yes' });
    expect(yes).toMatchObject({ status: 'done', result: { postId: draftId, navigateTo: 'calendar' } });
    expect(yes.result.jobIds).toHaveLength(1);
  });
});

describe('history, corrections and custom commands', () => {
  it('keeps every command, newest first, paginated', async () => {
    const { t, say } = await setup();
    const made = [];
    for (const text of ['what can I say', 'open the calendar', 'go to analytics', 'banana helicopter'])
      made.push(await say(text));
    const first = await invokeOk(t.core, 'voice:history', { limit: 2 });
    expect(first.commands.map((c) => c.transcript)).toEqual(['banana helicopter', 'go to analytics']);
    const next = await invokeOk(t.core, 'voice:history', { limit: 2, before: first.commands[1]!.id });
    expect(next.commands.map((c) => c.id)).toEqual([made[1]!.id, made[0]!.id]);
    expect(next.commands[1]!.timings.understandMs).toEqual(expect.any(Number));
    expect(next.commands[1]!.timings.transcribeMs).toBeNull();
  });

  it('a correction teaches the phrase, which is then understood as taught, and can re-run', async () => {
    const { t, say } = await setup();
    const wrong = await say('blorp the numbers');
    expect(wrong.status).toBe('not-understood');
    const corrected = await invokeOk(t.core, 'voice:correct', {
      commandId: wrong.id,
      intents: [{ action: 'app.navigate', page: 'analytics' }],
      rerun: true,
    });
    expect(corrected.custom).toMatchObject({ phrase: 'blorp the numbers', origin: 'correction' });
    expect(corrected.command).toMatchObject({ status: 'done', result: { navigateTo: 'analytics' } });
    const stored = (await invokeOk(t.core, 'voice:history', { limit: 10 })).commands.find((c) => c.id === wrong.id)!;
    expect(stored.correctedTo).toEqual([{ action: 'app.navigate', page: 'analytics' }]);
    const again = await say('Blorp the numbers!');
    expect(again).toMatchObject({ understoodBy: 'custom', result: { navigateTo: 'analytics' } });
  });

  it('custom commands: create, refuse a phrase in use after normalising, change, delete', async () => {
    const { t } = await setup();
    const saved = await invokeOk(t.core, 'voice:save-custom', {
      phrase: 'Show me the calendar, please',
      language: 'en',
      intents: [{ action: 'app.navigate', page: 'calendar' }],
    });
    expect(saved).toMatchObject({ phrase: 'show me the calendar please', origin: 'manual' });
    const clash = await invokeError(t.core, 'voice:save-custom', {
      phrase: 'show me the CALENDAR please!',
      language: 'en',
      intents: [{ action: 'voice.help' }],
    });
    expect(clash.code).toBe('CONFLICT');
    // The same phrase in another language is a different command.
    await invokeOk(t.core, 'voice:save-custom', {
      phrase: 'show me the calendar please',
      language: 'es',
      intents: [{ action: 'app.navigate', page: 'calendar' }],
    });
    const changed = await invokeOk(t.core, 'voice:save-custom', {
      id: saved.id,
      phrase: 'calendar time',
      language: 'en',
      intents: [{ action: 'app.navigate', page: 'calendar' }],
    });
    expect(changed).toMatchObject({ id: saved.id, phrase: 'calendar time', createdAt: saved.createdAt });
    await invokeOk(t.core, 'voice:delete-custom', { id: saved.id });
    expect((await invokeOk(t.core, 'voice:list-custom', {})).commands.map((c) => c.language)).toEqual(['es']);
    expect((await invokeError(t.core, 'voice:delete-custom', { id: saved.id })).code).toBe('NOT_FOUND');
  });
});

describe('settings and utterances', () => {
  it('persists settings in SQLite across a restart', async () => {
    const first = await createTestCore();
    const dataDir = first.dataDir;
    expect((await invokeOk(first.core, 'voice:get-settings', {})).recognizer).toBe('whisper');
    await invokeOk(first.core, 'voice:update-settings', { recognizer: 'pocketsphinx', maxSeconds: 12 });
    await first.core.close();
    const second = await createTestCore({ dataDir });
    cores.push(second);
    expect(await invokeOk(second.core, 'voice:get-settings', {})).toMatchObject({
      recognizer: 'pocketsphinx',
      maxSeconds: 12,
      mode: 'hold',
    });
  });

  it('refuses unknown utterances and out-of-order chunks, and stops at the maximum length', async () => {
    const { t } = await setup();
    await invokeOk(t.core, 'voice:update-settings', { maxSeconds: 5 });
    const { utteranceId, maxSeconds } = await invokeOk(t.core, 'voice:begin', {
      source: 'button',
      mode: 'hold',
      context: NOTHING_OPEN,
    });
    expect(maxSeconds).toBe(5);
    const second = Buffer.alloc(32_000).toString('base64'); // one second of silence
    expect((await invokeError(t.core, 'voice:push-audio', { utteranceId: 'nope', seq: 0, pcm: second })).code).toBe(
      'NOT_FOUND',
    );
    const outOfOrder = await invokeError(t.core, 'voice:push-audio', { utteranceId, seq: 1, pcm: second });
    expect(outOfOrder).toMatchObject({ code: 'CONFLICT' });
    expect(outOfOrder.message).toContain('out of order');
    let last = { receivedMs: 0, limitReached: false, endOfSpeech: false };
    for (let seq = 0; seq < 7; seq++)
      last = await invokeOk(t.core, 'voice:push-audio', { utteranceId, seq, pcm: second });
    expect(last).toMatchObject({ receivedMs: 5000, limitReached: true });
    await invokeOk(t.core, 'voice:cancel', { utteranceId });
    expect((await invokeError(t.core, 'voice:end', { utteranceId })).code).toBe('NOT_FOUND');
  });

  it('says plainly when recognition cannot start here, and voice:end fails with that message', async () => {
    const { t } = await setup();
    const status = await invokeOk(t.core, 'voice:status', {});
    expect(status.recognizer).toMatchObject({ id: 'whisper', state: 'unavailable', loads: 0 });
    expect(status.recognizer.message).toContain('stt-worker.js');
    expect(status.models.map((m) => m.id)).toContain('base.en');
    expect(status.hotkey).toMatchObject({ global: false });
    const { utteranceId } = await invokeOk(t.core, 'voice:begin', {
      source: 'button',
      mode: 'hold',
      context: NOTHING_OPEN,
    });
    await invokeOk(t.core, 'voice:push-audio', { utteranceId, seq: 0, pcm: Buffer.alloc(3200).toString('base64') });
    const error = await invokeError(t.core, 'voice:end', { utteranceId });
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('stt-worker.js');
    expect((await invokeOk(t.core, 'voice:history', { limit: 5 })).commands).toEqual([]);
  });
});
