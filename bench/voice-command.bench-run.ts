import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, it } from 'vitest';
import { createCore, type Core } from '../src/main/core';
import {
  connectAccount,
  ScriptedPlatform,
  scriptedPorts,
} from '../src/main/publishing/queue/scripted-connector.test-support';
import { testModelPath } from '../src/main/llm/models/test-models';
import { buildTestSttWorker } from '../src/main/voice/recognition/test-stt-worker-build';
import { captureChunks, espeakWav, holdAndSpeak } from '../src/main/voice/voice-audio.test-support';
import type { CommandContext } from '../src/shared/contract/voice';
import type { VoiceCommand } from '../src/shared/domain/voice';
import { record, recordMissing } from './bench-record';
import { benchPorts } from './support/ports';
import { median, percentile } from './support/stats';

const ROUNDS = Number(process.env.BENCH_VOICE_ROUNDS ?? 20);
/** Grammar commands as creators say them; "post it now" is followed by the spoken "yes" that runs it. */
const COMMANDS = [
  // First: its answer makes the last published post "it" (each round's draft is published by then).
  'what did my last post do',
  'create a LinkedIn post about morning routines',
  'read it back',
  'open the calendar',
  'post it now',
  'yes',
];

const root = mkdtempSync(join(tmpdir(), 'cadence-bench-voice-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function benchCore(name: string): Promise<{ core: Core; context: CommandContext }> {
  const core = await createCore(benchPorts(join(root, name)), { llm: { ollama: 'off', embedded: 'off' } });
  core.domains.publishing.attach(scriptedPorts(new ScriptedPlatform('linkedin')), { timer: false });
  await connectAccount(core, 'linkedin');
  return { core, context: { postId: null, page: null } };
}

function figures(path: string, samples: number[], note: string, commands: VoiceCommand[]): void {
  const missed = commands.filter((c) => c.status === 'not-understood' || c.status === 'failed');
  const examples = [...new Set(missed.map((c) => `"${c.transcript}" (${c.status}: ${c.reply.slice(0, 80)})`))]
    .slice(0, 4)
    .join(', ');
  record({
    bench: `voice.command.${path}.release_to_action_p50_ms`,
    value: median(samples),
    unit: 'ms',
    n: samples.length,
    note,
  });
  record({
    bench: `voice.command.${path}.release_to_action_p95_ms`,
    value: percentile(samples, 95),
    unit: 'ms',
    n: samples.length,
    note,
  });
  record({
    bench: `voice.command.${path}.not_done`,
    value: missed.length,
    unit: 'commands',
    n: commands.length,
    note: `not understood or failed${examples ? `: ${examples}` : ''}`,
  });
}

/**
 * Release-to-action for grammar commands on the real core (SQLite file, every domain, no AI engine
 * so a new post is the topic starter): typed commands through voice:run-text, and the same
 * commands spoken by espeak-ng, streamed in 100 ms chunks and recognised by pocketsphinx from
 * voice:end (key released) to the returned command (action done or question asked).
 */
it('voice.command: release to action, text and pocketsphinx', async () => {
  const text = await benchCore('text');
  const textMs: number[] = [];
  const textCommands: VoiceCommand[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const phrase of COMMANDS) {
      const started = performance.now();
      const result = await text.core.dispatcher.invoke('voice:run-text', { text: phrase, context: text.context });
      textMs.push(performance.now() - started);
      if (result.ok) textCommands.push(result.value as VoiceCommand);
    }
  }
  await text.core.close();
  figures('text', textMs, `voice:run-text of ${COMMANDS.length} grammar commands × ${ROUNDS}`, textCommands);

  const spoken = await benchCore('pocketsphinx');
  const worker = await buildTestSttWorker();
  try {
    await spoken.core.domains.voice.attachRecognition({
      workerPath: worker.path,
      vadModelPath: testModelPath('silero-vad-ggml/for-tests-silero-v6.2.0-ggml.bin'),
    });
    await spoken.core.domains.voice.service.updateSettings({ recognizer: 'pocketsphinx' });
    // A creator with posts of their own: their words are the grammar's topic vocabulary.
    for (const title of [
      'Morning routines that stick',
      'Weekly planning on Sundays',
      'Remote work habits',
      'Coffee and deep focus',
      'Leadership lessons from my first team',
      'Writing a newsletter every week',
    ])
      await spoken.core.services.posts.create({ title, body: title, platforms: ['linkedin'] });
    await spoken.core.domains.voice.topicsReady();
    const wavs = await Promise.all(COMMANDS.map((c, i) => espeakWav(c, root, `command-${i}`)));
    const chunks = wavs.map((wav) => captureChunks(wav));
    // One unmeasured utterance loads the recognizer, as the app warms it on the first hold.
    await holdAndSpeak(spoken.core, chunks[3]!);
    const ms: number[] = [];
    const transcribe: number[] = [];
    const commands: VoiceCommand[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const pcm of chunks) {
        const { command, releaseToActionMs } = await holdAndSpeak(spoken.core, pcm);
        ms.push(releaseToActionMs);
        if (command.timings.transcribeMs !== null) transcribe.push(command.timings.transcribeMs);
        commands.push(command);
      }
    }
    figures(
      'pocketsphinx',
      ms,
      `espeak-ng WAVs of ${COMMANDS.length} commands × ${ROUNDS}, Silero VAD check + pocketsphinx JSGF + act`,
      commands,
    );
    record({
      bench: 'voice.command.pocketsphinx.transcribe_p50_ms',
      value: median(transcribe),
      unit: 'ms',
      n: transcribe.length,
      note: 'of which VAD + recognition',
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    recordMissing({ bench: 'voice.command.pocketsphinx.release_to_action_p50_ms', unit: 'ms' }, reason);
    recordMissing({ bench: 'voice.command.pocketsphinx.release_to_action_p95_ms', unit: 'ms' }, reason);
  } finally {
    await spoken.core.close();
    await worker.dispose();
  }
});
