import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeOk } from '../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { testModelPath } from '../llm/models/test-models';
import { connectAccount, ScriptedPlatform, scriptedPorts } from '../publishing/queue/scripted-connector.test-support';
import { buildTestSttWorker } from './recognition/test-stt-worker-build';
import { captureChunks, espeakWav, holdAndSpeak } from './voice-audio.test-support';

/**
 * Real audio end to end: espeak-ng speaks a command into a WAV file, the shared audio helpers turn
 * it into the renderer's 16 kHz chunks, and voice:begin / push-audio / end run Silero VAD, the
 * recognizer, the grammar and the action on the real core.
 */
let t: TestCore;
let worker: { path: string; dispose(): Promise<void> };
const dir = mkdtempSync(join(tmpdir(), 'cadence-voice-audio-'));

beforeAll(async () => {
  worker = await buildTestSttWorker();
  t = await createTestCore();
  t.core.domains.publishing.attach(scriptedPorts(new ScriptedPlatform('linkedin')), { timer: false });
  await connectAccount(t.core, 'linkedin');
  await t.core.domains.voice.attachRecognition({
    workerPath: worker.path,
    vadModelPath: testModelPath('silero-vad-ggml/for-tests-silero-v6.2.0-ggml.bin'),
    whisperModelPath: (model) =>
      testModelPath(`whisper-ggml-test/for-tests-ggml-${model.endsWith('.en') ? 'tiny.en' : 'tiny'}.bin`),
  });
}, 120_000);
afterAll(async () => {
  await t?.dispose();
  await worker?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function spoken(text: string, name: string): Promise<string[]> {
  return captureChunks(await espeakWav(text, dir, name));
}

describe('spoken commands with pocketsphinx', () => {
  beforeAll(async () => {
    await invokeOk(t.core, 'voice:update-settings', { recognizer: 'pocketsphinx', language: 'en' });
    // A creator with posts of their own: their words make the grammar's topic vocabulary.
    for (const title of [
      'Morning routines that stick',
      'Weekly planning on Sundays',
      'Remote work habits',
      'Coffee and deep focus',
      'Leadership lessons from my first team',
      'Writing a newsletter every week',
    ])
      await t.core.services.posts.create({ title, body: title, platforms: ['linkedin'] });
    await t.core.domains.voice.topicsReady();
  });

  it('"create a LinkedIn post about morning routines" makes the draft', { timeout: 60_000 }, async () => {
    const { command } = await holdAndSpeak(
      t.core,
      await spoken('create a LinkedIn post about morning routines', 'create'),
    );
    expect(command.transcript.replace('linked in', 'linkedin')).toBe('create a linkedin post about morning routines');
    expect(command).toMatchObject({
      source: 'voice',
      status: 'done',
      understoodBy: 'grammar',
      intents: [{ action: 'draft.create', topic: 'morning routines', platform: 'linkedin' }],
    });
    expect(command.timings.transcribeMs).toEqual(expect.any(Number));
    const post = await t.core.services.posts.get(command.result.postId!);
    expect(post.platforms).toEqual(['linkedin']);
    expect(post.body.toLowerCase()).toContain('morning routines');
  });

  it('"post it now" asks, a spoken "yes" queues the publish job', { timeout: 60_000 }, async () => {
    const draft = (await invokeOk(t.core, 'voice:history', { limit: 1 })).commands[0]!.result.postId!;
    const asked = await holdAndSpeak(t.core, await spoken('post it now', 'post-now'));
    expect(asked.command.transcript).toBe('post it now');
    expect(asked.command).toMatchObject({ status: 'awaiting-confirmation', intents: [{ action: 'post.publish-now' }] });
    expect((await invokeOk(t.core, 'publishing:list-jobs', { postId: draft })).jobs).toEqual([]);

    const yes = await holdAndSpeak(t.core, await spoken('yes', 'yes'));
    expect(yes.command).toMatchObject({ status: 'done', intents: [{ action: 'voice.answer', answer: 'yes' }] });
    const { jobs } = await invokeOk(t.core, 'publishing:list-jobs', { postId: draft });
    expect(jobs).toMatchObject([{ status: 'queued', platform: 'linkedin' }]);
    expect(yes.command.result.jobIds).toEqual([jobs[0]!.id]);
  });

  it('in toggle mode, silence after speech ends the recording', { timeout: 60_000 }, async () => {
    const chunks = captureChunks(await espeakWav('open the calendar', dir, 'toggle'), 2_000);
    const { utteranceId } = await invokeOk(t.core, 'voice:begin', {
      source: 'hotkey',
      mode: 'toggle',
      context: { postId: null, page: null },
    });
    let endedAt = -1;
    for (const [seq, pcm] of chunks.entries()) {
      const pushed = await invokeOk(t.core, 'voice:push-audio', { utteranceId, seq, pcm });
      if (pushed.endOfSpeech) {
        endedAt = pushed.receivedMs;
        break;
      }
    }
    const speechMs = chunks.length * 100 - 2_000;
    expect(endedAt).toBeGreaterThan(speechMs);
    const command = await invokeOk(t.core, 'voice:end', { utteranceId });
    expect(command.result.navigateTo).toBe('calendar');
  });
});

describe('before the first utterance', () => {
  it('says the chosen Whisper model is not downloaded yet, and where to get it', { timeout: 60_000 }, async () => {
    const fresh = await createTestCore();
    try {
      // The built worker, but the product's own model folder (empty): nothing has been downloaded.
      await fresh.core.domains.voice.attachRecognition({ workerPath: worker.path });
      const status = await invokeOk(fresh.core, 'voice:status', {});
      expect(status.recognizer).toMatchObject({ id: 'whisper', state: 'missing-model', model: 'base.en', loads: 0 });
      expect(status.recognizer.message).toContain('download it under Speech recognition');
      expect(status.models.find((m) => m.id === 'base.en')).toMatchObject({ installed: false });
    } finally {
      await fresh.dispose();
    }
  });
});

describe('Whisper with the weightless test model', () => {
  it('loads once, hears nothing, and does nothing', { timeout: 120_000 }, async () => {
    await invokeOk(t.core, 'voice:update-settings', { recognizer: 'whisper', whisperModel: 'tiny.en', useGpu: false });
    const before = (await t.core.services.posts.list({ limit: 100, offset: 0 })).total;
    const chunks = await spoken('create a LinkedIn post about coffee', 'whisper');
    for (let i = 0; i < 2; i++) {
      const { command } = await holdAndSpeak(t.core, chunks);
      expect(command).toMatchObject({ status: 'not-understood', transcript: '', intents: [] });
      expect(command.reply).toContain("I didn't hear anything");
    }
    expect((await t.core.services.posts.list({ limit: 100, offset: 0 })).total).toBe(before);
    const status = await invokeOk(t.core, 'voice:status', {});
    expect(status.recognizer).toMatchObject({ id: 'whisper', state: 'ready', loads: 1, model: 'tiny.en' });
    expect(status.vad.state).toBe('ready');
  });
});
