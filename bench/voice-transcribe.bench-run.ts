import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { initWhisper } from '@fugood/whisper.node';
import { afterAll, beforeAll, it } from 'vitest';
import {
  StreamingResampler,
  base64ToInt16,
  decodeWavToMono16k,
  encodeWav,
  floatToInt16,
  int16ToBase64,
  int16ToFloat,
} from '../src/shared/audio';
import { DEFAULT_VOICE_SETTINGS, type VoiceCommand, type VoiceSettings } from '../src/shared/domain/voice';
import { testModelPath } from '../src/main/llm/models/test-models';
import { createRecognition, type Recognition } from '../src/main/voice/recognition/create-recognition';
import { EventBus } from '../src/main/contract/event-bus';
import { createLogger } from '../src/main/platform/logger/logger';
import type { CommandRunner } from '../src/main/voice/voice-commands';
import type { VoiceSettingsStore } from '../src/main/voice/voice-settings.store';
import {
  NO_GLOBAL_HOTKEY,
  VoiceService,
  type VoiceRecognition,
  type VoiceServiceDeps,
} from '../src/main/voice/voice.service';
import { speakWav } from '../src/main/voice/recognition/speech-fixtures.test-support';
import { buildTestSttWorker } from '../src/main/voice/recognition/test-stt-worker-build';
import { record } from './bench-record';
import { median } from './support/stats';

const run = promisify(execFile);

/**
 * Release-to-transcript: from the moment the creator lets go of the key to the text, through
 * Cadence's own path — VoiceService's voice:begin / push-audio / end (the renderer's 48 kHz
 * capture resampled and base64-chunked, 100 ms chunks pushed 100 ms apart as a live microphone
 * delivers them, so speech is tracked by Silero VAD in the background during capture as it is
 * for a creator; at release the last chunk, the VAD of the tail, the trim, the warm STT worker
 * or the pocketsphinx CLI) — up to the moment the transcript reaches the command runner; versus
 * the same engine given the clip Cadence handed its recognizer (trimmed for Whisper; the whole
 * recording for pocketsphinx) directly, warm (whisper.cpp in-process through the same binding;
 * pocketsphinx's CLI on a WAV file). Rounds alternate the two paths.
 *
 * Whisper uses whisper.cpp's weightless test model (the only one obtainable here): every pass
 * still encodes a full 30 s window, so the timings are real compute, the text is empty.
 */
const WHISPER_ROUNDS = Number(process.env.BENCH_STT_ROUNDS ?? 3);
const SPHINX_ROUNDS = Number(process.env.BENCH_SPHINX_ROUNDS ?? 10);
const CAPTURE_RATE = 48_000;
/** The renderer sends a chunk every 100 ms of capture. */
const CHUNK_SAMPLES = 1600;
const CHUNK_MS = 100;
const GRAMMAR = `#JSGF V1.0;
grammar commands;
public <command> = post it now | make it shorter | yes | no | write a post about <topic> [for <platform>];
<topic> = coffee | morning routines | tea;
<platform> = instagram | linkedin | bluesky | tiktok;
`;

const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const dataDir = mkdtempSync(join(tmpdir(), 'cadence-bench-stt-'));
let worker: { path: string; dispose(): Promise<void> };
beforeAll(async () => {
  worker = await buildTestSttWorker();
});
afterAll(async () => {
  await worker.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

function recognition(recognizer: VoiceSettings['recognizer']): { r: Recognition; settings: VoiceSettings } {
  const settings: VoiceSettings = {
    ...DEFAULT_VOICE_SETTINGS,
    recognizer,
    language: 'en',
    whisperModel: 'tiny.en',
    useGpu: false,
  };
  const r = createRecognition({
    dataDir,
    logger,
    settings: () => settings,
    grammar: () => GRAMMAR,
    workerPath: worker.path,
    whisperModelPath: () => testModelPath('whisper-ggml-test/for-tests-ggml-tiny.en.bin'),
    vadModelPath: testModelPath('silero-vad-ggml/for-tests-silero-v6.2.0-ggml.bin'),
  });
  return { r, settings };
}

/** What the microphone delivers: the clip at 48 kHz float, in 128-sample AudioWorklet blocks. */
function microphoneBlocks(pcm16k: Int16Array): Float32Array[] {
  const up = new StreamingResampler(16_000, CAPTURE_RATE);
  const mic = Float32Array.from([...up.push(int16ToFloat(pcm16k)), ...up.flush()]);
  const blocks: Float32Array[] = [];
  for (let at = 0; at < mic.length; at += 128) blocks.push(mic.subarray(at, at + 128));
  return blocks;
}

/** The renderer's voice:push-audio payloads: 48 → 16 kHz, 100 ms chunks as base64; the last one is sent at release. */
function renderChunks(blocks: Float32Array[]): string[] {
  const resampler = new StreamingResampler(CAPTURE_RATE, 16_000);
  const chunks: string[] = [];
  let pending: number[] = [];
  const send = (samples: number[]): void => {
    chunks.push(int16ToBase64(floatToInt16(Float32Array.from(samples))));
  };
  for (const block of blocks) {
    pending.push(...resampler.push(block));
    if (pending.length >= CHUNK_SAMPLES) {
      send(pending);
      pending = [];
    }
  }
  send([...pending, ...resampler.flush()]);
  return chunks;
}

/** What one utterance cost through Cadence, from the key release. */
interface Heard {
  /** Release → the transcript handed to the command runner. */
  ms: number;
  /** Release → the recognizer called (the last chunk, the tail's VAD, waiting for a pass in flight, the trim). */
  beforeEngineMs: number;
  text: string;
  /** The audio Cadence gave its recognizer: what the engine alone is timed on. */
  pcm: Int16Array;
}

/**
 * VoiceService over the bench's recognition engines, with the command runner replaced by one that
 * notes when the transcript arrives (understanding and acting are voice-command.bench-run.ts's).
 */
function cadence(r: Recognition, settings: VoiceSettings) {
  let engineAt = 0;
  let given: Int16Array = new Int16Array(0);
  let heard: { at: number; text: string } | null = null;
  const watched: VoiceRecognition = {
    vad: r.vad,
    models: r.models,
    close: () => r.close(),
    recognizer: () => {
      const inner = r.recognizer();
      return {
        id: inner.id,
        state: () => inner.state(),
        warm: () => inner.warm(),
        close: () => inner.close(),
        transcribe: (request) => {
          engineAt = performance.now();
          given = request.pcm;
          return inner.transcribe(request);
        },
      };
    },
  };
  const deps: Pick<VoiceServiceDeps, 'events' | 'logger' | 'recognition' | 'hotkey'> & {
    settings: Pick<VoiceSettingsStore, 'load' | 'current'>;
    runner: Pick<CommandRunner, 'run'>;
  } = {
    events: new EventBus(),
    logger: createLogger({ level: 'silent' }),
    recognition: watched,
    hotkey: NO_GLOBAL_HOTKEY,
    settings: { load: async () => settings, current: () => settings },
    runner: {
      run: async (input) => {
        heard = { at: performance.now(), text: input.transcript };
        return null as unknown as VoiceCommand;
      },
    },
  };
  // Only begin / push-audio / end run here, and they use only the dependencies above.
  const service = new VoiceService(deps as unknown as VoiceServiceDeps);

  return async (chunks: string[]): Promise<Heard> => {
    const { utteranceId } = await service.begin({
      source: 'hotkey',
      mode: 'hold',
      context: { postId: null, page: null },
    });
    const started = performance.now();
    for (const [seq, pcm] of chunks.slice(0, -1).entries()) {
      // Live capture: chunk n leaves the renderer (n + 1) × 100 ms after the key went down.
      await sleep(started + (seq + 1) * CHUNK_MS - performance.now());
      await service.pushAudio({ utteranceId, seq, pcm });
    }
    await sleep(started + chunks.length * CHUNK_MS - performance.now());
    heard = null;
    engineAt = 0;
    given = new Int16Array(0);
    const released = performance.now();
    await service.pushAudio({ utteranceId, seq: chunks.length - 1, pcm: chunks.at(-1)! });
    await service.end(utteranceId);
    const result = heard as { at: number; text: string } | null;
    if (!result) throw new Error('the transcript never reached the command runner');
    return {
      ms: result.at - released,
      beforeEngineMs: engineAt > 0 ? engineAt - released : NaN,
      text: result.text,
      pcm: given,
    };
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** The floor of Cadence's path: the last chunk decoded and the whole recording given to the recognizer, no speech detection. */
async function untrimmed(r: Recognition, chunks: string[]): Promise<{ ms: number; text: string }> {
  const received = chunks.slice(0, -1).map((c) => base64ToInt16(c));
  const released = performance.now();
  received.push(base64ToInt16(chunks.at(-1)!));
  const pcm = new Int16Array(received.reduce((n, part) => n + part.length, 0));
  received.reduce((at, part) => (pcm.set(part, at), at + part.length), 0);
  const result = await r.recognizer().transcribe({ pcm, language: 'en' });
  return { ms: performance.now() - released, text: result.text };
}

it('voice.release_to_transcript: whisper (test model, jfk.wav)', async () => {
  const clip = decodeWavToMono16k(new Uint8Array(readFileSync(testModelPath('whisper-ggml-test/jfk.wav'))));
  const chunks = renderChunks(microphoneBlocks(clip));
  const { r, settings } = recognition('whisper');

  // Cold: a fresh worker process, the model load, then a pass (what every utterance would cost
  // if the model were reloaded each time, as Whispering does).
  const coldStarted = performance.now();
  await r.recognizer().warm();
  const coldLoadMs = performance.now() - coldStarted;
  const loadMs = r.recognizer().state().loadMs ?? NaN;
  const speak = cadence(r, settings);

  const ctx = await initWhisper({
    filePath: testModelPath('whisper-ggml-test/for-tests-ggml-tiny.en.bin'),
    useGpu: false,
  });
  const direct = async (pcm: Int16Array): Promise<number> => {
    const started = performance.now();
    await ctx.transcribeData(pcm.slice().buffer, { language: 'en', maxThreads: 2, temperatureInc: 0 }).promise;
    return performance.now() - started;
  };
  const cadenceMs: number[] = [];
  const beforeEngine: number[] = [];
  const engine: number[] = [];
  let given = 0;
  for (let round = 0; round < WHISPER_ROUNDS; round += 1) {
    const heard = await speak(chunks);
    cadenceMs.push(heard.ms);
    beforeEngine.push(heard.beforeEngineMs);
    given = heard.pcm.length;
    // The engine alone on the very audio Cadence gave it (the speech, trimmed by the tracked VAD).
    engine.push(await direct(heard.pcm));
  }
  await ctx.release();
  const loads = r.recognizer().state().loads;
  await r.close();

  const note =
    `whisper.cpp tiny.en test model (no weights), CPU, 2 threads; jfk.wav ${(clip.length / 16_000).toFixed(1)} s ` +
    `captured live (100 ms chunks 100 ms apart), ${(given / 16_000).toFixed(1)} s of it transcribed after the trim; ` +
    `release → engine start p50 ${Math.round(median(beforeEngine))} ms; medians; model loads during the run: ${loads}`;
  const p50Cadence = median(cadenceMs);
  const p50Engine = median(engine);
  record({
    bench: 'voice.release_to_transcript.ratio',
    value: p50Cadence / p50Engine,
    unit: 'x',
    target: '<=1.15',
    n: WHISPER_ROUNDS,
    note: `whisper: ${note}`,
  });
  record({
    bench: 'voice.release_to_transcript.whisper.cadence_p50_ms',
    value: p50Cadence,
    unit: 'ms',
    n: WHISPER_ROUNDS,
    note,
  });
  record({
    bench: 'voice.release_to_transcript.whisper.engine_p50_ms',
    value: p50Engine,
    unit: 'ms',
    n: WHISPER_ROUNDS,
    note,
  });
  record({
    bench: 'voice.whisper.cold_load_ms',
    value: coldLoadMs,
    unit: 'ms',
    n: 1,
    note: `worker start + model load (whisper.cpp's own load: ${Math.round(loadMs)} ms); test model, so a real base.en loads slower`,
  });
  record({
    bench: 'voice.whisper.warm_transcribe_ms',
    value: p50Cadence,
    unit: 'ms',
    n: WHISPER_ROUNDS,
    note: 'warm release-to-transcript, model already loaded',
  });
}, 1_800_000);

it('voice.release_to_transcript: pocketsphinx (espeak-ng "write a post about coffee for instagram")', async () => {
  const wav = await speakWav('write a post about coffee for instagram');
  const clip16 = decodeWavToMono16k(wav);
  const clip = new Int16Array(clip16.length + 16_000);
  clip.set(clip16, 8000);
  const chunks = renderChunks(microphoneBlocks(clip));
  const { r, settings } = recognition('pocketsphinx');
  await r.recognizer().warm();
  await r.vad.segments(clip);
  const speak = cadence(r, settings);
  const dict = join(dataDir, 'voice', 'pocketsphinx', 'cadence-en-us.dict');
  const gram = join(dataDir, 'direct.gram');
  writeFileSync(gram, GRAMMAR);

  const direct = async (pcm: Int16Array): Promise<{ ms: number; text: string }> => {
    const wavPath = join(dataDir, 'clip.wav');
    writeFileSync(wavPath, encodeWav(pcm, 16_000));
    const started = performance.now();
    const { stdout } = await run('pocketsphinx_continuous', [
      '-infile',
      wavPath,
      '-jsgf',
      gram,
      '-dict',
      dict,
      '-logfn',
      '/dev/null',
    ]);
    return { ms: performance.now() - started, text: stdout.trim() };
  };
  const silenceOnly = async (): Promise<number> => {
    const path = join(dataDir, 'silence.wav');
    writeFileSync(path, encodeWav(new Int16Array(1600), 16_000));
    const started = performance.now();
    await run('pocketsphinx_continuous', ['-infile', path, '-jsgf', gram, '-dict', dict, '-logfn', '/dev/null']);
    return performance.now() - started;
  };
  const cadenceMs: number[] = [];
  const untrimmedMs: number[] = [];
  const beforeEngine: number[] = [];
  const engine: number[] = [];
  const starts: number[] = [];
  let texts = new Set<string>();
  for (let round = 0; round < SPHINX_ROUNDS; round += 1) {
    const c = await speak(chunks);
    // The engine alone on the audio Cadence gave it (the whole recording, as speech was heard).
    const e = await direct(c.pcm);
    const u = await untrimmed(r, chunks);
    engine.push(e.ms);
    cadenceMs.push(c.ms);
    beforeEngine.push(c.beforeEngineMs);
    untrimmedMs.push(u.ms);
    starts.push(await silenceOnly());
    texts = new Set([...texts, e.text, c.text, u.text]);
  }
  await r.close();
  const note =
    `pocketsphinx 5prealpha, JSGF commands, one process per utterance; ${(clip.length / 16_000).toFixed(1)} s clip ` +
    `captured live (100 ms chunks 100 ms apart); heard: ${[...texts].join(' / ')}; medians`;
  const p50Cadence = median(cadenceMs);
  const p50Engine = median(engine);
  record({
    bench: 'voice.release_to_transcript.pocketsphinx.ratio',
    value: p50Cadence / p50Engine,
    unit: 'x',
    target: '<=1.15',
    n: SPHINX_ROUNDS,
    note,
  });
  record({
    bench: 'voice.release_to_transcript.pocketsphinx.cadence_p50_ms',
    value: p50Cadence,
    unit: 'ms',
    n: SPHINX_ROUNDS,
    note,
  });
  record({
    bench: 'voice.release_to_transcript.pocketsphinx.engine_p50_ms',
    value: p50Engine,
    unit: 'ms',
    n: SPHINX_ROUNDS,
    note,
  });
  record({
    bench: 'voice.release_to_transcript.pocketsphinx.vad_at_release_p50_ms',
    value: median(beforeEngine),
    unit: 'ms',
    n: SPHINX_ROUNDS,
    note:
      'release → the engine called: the last chunk, and speech detection left for release (none when the ' +
      'background passes during capture already heard speech: pocketsphinx then gets the whole recording)',
  });
  record({
    bench: 'voice.release_to_transcript.pocketsphinx.untrimmed_ratio',
    value: median(untrimmedMs) / p50Engine,
    unit: 'x',
    target: '<=1.15',
    n: SPHINX_ROUNDS,
    note: "Cadence's recognizer on the whole recording from release, no speech detection at all: the floor of the path",
  });
  record({
    bench: 'voice.pocketsphinx.process_start_ms',
    value: median(starts),
    unit: 'ms',
    n: SPHINX_ROUNDS,
    note: 'the CLI on 0.1 s of silence: model + grammar load, what a kept-alive process would save per utterance',
  });
}, 600_000);
