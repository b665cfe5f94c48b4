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
import { DEFAULT_VOICE_SETTINGS, type VoiceSettings } from '../src/shared/domain/voice';
import { testModelPath } from '../src/main/llm/models/test-models';
import { createRecognition, type Recognition } from '../src/main/voice/recognition/create-recognition';
import { trimToSpeech } from '../src/main/voice/recognition/recognizer';
import { speakWav } from '../src/main/voice/recognition/speech-fixtures.test-support';
import { buildTestSttWorker } from '../src/main/voice/recognition/test-stt-worker-build';
import { record } from './bench-record';
import { median } from './support/stats';

const run = promisify(execFile);

/**
 * Release-to-transcript: from the moment the creator lets go of the key to the text, through
 * Cadence's path (the renderer's 48 kHz capture resampled and base64-chunked every 100 ms, the
 * last chunk sent at release, decoded in main, Silero VAD, trimmed, the warm STT worker) versus
 * the same engine given the same clip directly, warm (whisper.cpp in-process through the same
 * binding; pocketsphinx's CLI on a WAV file). Rounds alternate the two paths.
 *
 * Whisper uses whisper.cpp's weightless test model (the only one obtainable here): every pass
 * still encodes a full 30 s window, so the timings are real compute, the text is empty.
 */
const WHISPER_ROUNDS = Number(process.env.BENCH_STT_ROUNDS ?? 3);
const SPHINX_ROUNDS = Number(process.env.BENCH_SPHINX_ROUNDS ?? 10);
const PAD_MS = 200;
const CAPTURE_RATE = 48_000;
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

function recognition(recognizer: VoiceSettings['recognizer']): Recognition {
  const settings: VoiceSettings = { ...DEFAULT_VOICE_SETTINGS, recognizer, whisperModel: 'tiny.en', useGpu: false };
  return createRecognition({
    dataDir,
    logger,
    settings: () => settings,
    grammar: () => GRAMMAR,
    workerPath: worker.path,
    whisperModelPath: () => testModelPath('whisper-ggml-test/for-tests-ggml-tiny.en.bin'),
    vadModelPath: testModelPath('silero-vad-ggml/for-tests-silero-v6.2.0-ggml.bin'),
  });
}

/** What the microphone delivers: the clip at 48 kHz float, in 128-sample AudioWorklet blocks. */
function microphoneBlocks(pcm16k: Int16Array): Float32Array[] {
  const up = new StreamingResampler(16_000, CAPTURE_RATE);
  const mic = Float32Array.from([...up.push(int16ToFloat(pcm16k)), ...up.flush()]);
  const blocks: Float32Array[] = [];
  for (let at = 0; at < mic.length; at += 128) blocks.push(mic.subarray(at, at + 128));
  return blocks;
}

/**
 * Cadence's path. Everything before the release (all chunks but the last) happens while the
 * creator speaks; the clock starts at release.
 */
async function viaCadence(
  r: Recognition,
  blocks: Float32Array[],
  options: { trim: boolean } = { trim: true },
): Promise<{ ms: number; text: string; vadMs: number }> {
  const resampler = new StreamingResampler(CAPTURE_RATE, 16_000);
  const received: Int16Array[] = [];
  let pending: number[] = [];
  const send = (samples: number[]): void => {
    // Renderer → main as base64 (the voice:push-audio wire format), decoded in main.
    received.push(base64ToInt16(int16ToBase64(floatToInt16(Float32Array.from(samples)))));
  };
  for (const block of blocks) {
    pending.push(...resampler.push(block));
    if (pending.length >= 1600) {
      send(pending);
      pending = [];
    }
  }
  const released = performance.now();
  send([...pending, ...resampler.flush()]);
  const pcm = new Int16Array(received.reduce((n, part) => n + part.length, 0));
  received.reduce((at, part) => (pcm.set(part, at), at + part.length), 0);
  const vadStarted = performance.now();
  const speech = options.trim ? trimToSpeech(pcm, await r.vad.segments(pcm), PAD_MS) : pcm;
  const vadMs = performance.now() - vadStarted;
  const result = await r.recognizer().transcribe({ pcm: speech, language: 'en' });
  return { ms: performance.now() - released, text: result.text, vadMs };
}

it('voice.release_to_transcript: whisper (test model, jfk.wav)', async () => {
  const clip = decodeWavToMono16k(new Uint8Array(readFileSync(testModelPath('whisper-ggml-test/jfk.wav'))));
  const blocks = microphoneBlocks(clip);
  const r = recognition('whisper');

  // Cold: a fresh worker process, the model load, then a pass (what every utterance would cost
  // if the model were reloaded each time, as Whispering does).
  const coldStarted = performance.now();
  await r.recognizer().warm();
  const coldLoadMs = performance.now() - coldStarted;
  const loadMs = r.recognizer().state().loadMs ?? NaN;

  const ctx = await initWhisper({
    filePath: testModelPath('whisper-ggml-test/for-tests-ggml-tiny.en.bin'),
    useGpu: false,
  });
  const direct = async (): Promise<number> => {
    const started = performance.now();
    await ctx.transcribeData(clip.slice().buffer, { language: 'en', maxThreads: 2, temperatureInc: 0 }).promise;
    return performance.now() - started;
  };
  const cadence: number[] = [];
  const engine: number[] = [];
  for (let round = 0; round < WHISPER_ROUNDS; round += 1) {
    engine.push(await direct());
    const result = await viaCadence(r, blocks);
    cadence.push(result.ms);
  }
  await ctx.release();
  const loads = r.recognizer().state().loads;
  await r.close();

  const note = `whisper.cpp tiny.en test model (no weights), CPU, 2 threads; jfk.wav 11 s; medians; model loads during the run: ${loads}`;
  const p50Cadence = median(cadence);
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
  const wavPath = join(dataDir, 'clip.wav');
  writeFileSync(wavPath, encodeWav(clip, 16_000));
  const blocks = microphoneBlocks(clip);
  const r = recognition('pocketsphinx');
  await r.recognizer().warm();
  await r.vad.segments(clip);
  const dict = join(dataDir, 'voice', 'pocketsphinx', 'cadence-en-us.dict');
  const gram = join(dataDir, 'direct.gram');
  writeFileSync(gram, GRAMMAR);

  const direct = async (): Promise<{ ms: number; text: string }> => {
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
  const cadence: number[] = [];
  const untrimmed: number[] = [];
  const vad: number[] = [];
  const engine: number[] = [];
  const starts: number[] = [];
  let texts = new Set<string>();
  for (let round = 0; round < SPHINX_ROUNDS; round += 1) {
    const e = await direct();
    const c = await viaCadence(r, blocks);
    const u = await viaCadence(r, blocks, { trim: false });
    engine.push(e.ms);
    cadence.push(c.ms);
    vad.push(c.vadMs);
    untrimmed.push(u.ms);
    starts.push(await silenceOnly());
    texts = new Set([...texts, e.text, c.text, u.text]);
  }
  await r.close();
  const note = `pocketsphinx 5prealpha, JSGF commands, one process per utterance; heard: ${[...texts].join(' / ')}; medians`;
  const p50Cadence = median(cadence);
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
    value: median(vad),
    unit: 'ms',
    n: SPHINX_ROUNDS,
    note: 'Silero VAD over the whole clip at release (the bulk of the gap to the engine)',
  });
  record({
    bench: 'voice.release_to_transcript.pocketsphinx.untrimmed_ratio',
    value: median(untrimmed) / p50Engine,
    unit: 'x',
    target: '<=1.15',
    n: SPHINX_ROUNDS,
    note: 'Cadence path without the VAD trim: pocketsphinx endpoints speech itself',
  });
  record({
    bench: 'voice.pocketsphinx.process_start_ms',
    value: median(starts),
    unit: 'ms',
    n: SPHINX_ROUNDS,
    note: 'the CLI on 0.1 s of silence: model + grammar load, what a kept-alive process would save per utterance',
  });
}, 600_000);
