import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWavToMono16k } from '../../../shared/audio';
import { ContractError } from '../../../shared/contract/errors';
import { DEFAULT_VOICE_SETTINGS, type VoiceSettings } from '../../../shared/domain/voice';
import { testModelPath } from '../../llm/models/test-models';
import { isAbortError } from './abort-error';
import { createRecognition, type Recognition } from './create-recognition';
import { buildTestSttWorker } from './test-stt-worker-build';

/**
 * The Whisper path with whisper.cpp's weightless test model (it loads and transcribes to "") and
 * real Silero VAD weights, in the real worker process. Whisper pads every clip to 30 s, and with
 * this model a full pass takes 20–50 s on these 2 shared cores; so the 10-utterance test uses
 * clips under whisper.cpp's 100 ms minimum (through the same worker, context and binding call,
 * answered without an encoder pass), and only the cancel test runs a full pass on jfk.wav.
 */
const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const dataDir = mkdtempSync(join(tmpdir(), 'cadence-whisper-'));
const jfk = decodeWavToMono16k(new Uint8Array(readFileSync(testModelPath('whisper-ggml-test/jfk.wav'))));
let worker: { path: string; dispose(): Promise<void> };
const opened: Recognition[] = [];

beforeAll(async () => {
  worker = await buildTestSttWorker();
}, 60_000);
afterAll(async () => {
  await Promise.all(opened.map((recognition) => recognition.close()));
  await worker.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

function recognition(modelPath = testModelPath('whisper-ggml-test/for-tests-ggml-tiny.en.bin')): Recognition {
  const settings: VoiceSettings = {
    ...DEFAULT_VOICE_SETTINGS,
    recognizer: 'whisper',
    whisperModel: 'tiny.en',
    useGpu: false,
  };
  const created = createRecognition({
    dataDir,
    logger,
    settings: () => settings,
    grammar: () => '',
    workerPath: worker.path,
    whisperModelPath: () => modelPath,
    vadModelPath: testModelPath('silero-vad-ggml/for-tests-silero-v6.2.0-ggml.bin'),
  });
  opened.push(created);
  return created;
}

async function workerLoads(r: Recognition): Promise<number> {
  const pong = await r.worker().request({ type: 'ping' });
  if (pong.type !== 'pong') throw new Error(`expected pong, got ${pong.type}`);
  return pong.loads;
}

/** 80 ms of jfk.wav, starting at the n-th tenth of a second. */
const shortClip = (n: number): Int16Array => jfk.slice(n * 1600, n * 1600 + 1280);

describe('Whisper in the STT worker', () => {
  it('loads the model once for 10 utterances and keeps it warm', async () => {
    const r = recognition();
    const whisper = r.recognizer();
    expect(whisper.state().state).toBe('not-loaded');
    for (let i = 0; i < 10; i += 1) {
      const result = await whisper.transcribe({ pcm: shortClip(i), language: 'en' });
      expect(result.text).toBe('');
      expect(result.language).toBe('en');
    }
    expect(await workerLoads(r)).toBe(1);
    expect(whisper.state()).toMatchObject({ state: 'ready', loads: 1, gpu: false, model: 'tiny.en' });
    expect(whisper.state().loadMs).toBeGreaterThan(0);
    expect(r.worker().starts).toBe(1);
    // The same recognizer comes back while the settings stay the same.
    expect(r.recognizer()).toBe(whisper);
  }, 120_000);

  it('cancels a running transcription, then transcribes the next utterance on the same model', async () => {
    const r = recognition();
    const whisper = r.recognizer();
    await whisper.warm();
    const controller = new AbortController();
    const running = whisper.transcribe({ pcm: jfk, language: 'en', signal: controller.signal });
    setTimeout(() => controller.abort(), 500);
    const error = await running.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    // whisper.node cannot interrupt a pass, so the worker that would not stop was replaced
    // (on a machine fast enough to finish the pass within the grace period it is kept).
    const next = await whisper.transcribe({ pcm: shortClip(3), language: 'en' });
    expect(next.text).toBe('');
    expect(r.worker().recycles + 1).toBe(r.worker().starts);
    expect(await workerLoads(r)).toBe(1);
    expect(whisper.state().state).toBe('ready');
  }, 120_000);

  it('names a missing model file and says how to get it', async () => {
    const missing = join(dataDir, 'ggml-tiny.en.bin');
    const whisper = recognition(missing).recognizer();
    const error = await whisper.transcribe({ pcm: shortClip(0), language: 'en' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).code).toBe('NOT_FOUND');
    expect((error as ContractError).message).toContain(missing);
    expect((error as ContractError).message).toMatch(/Download the tiny\.en model in Settings → Voice/);
    expect(whisper.state().state).toBe('missing-model');
  });

  it('refuses a file that is not a ggml model without handing it to whisper.cpp', async () => {
    const notGgml = join(dataDir, 'not-ggml.bin');
    writeFileSync(notGgml, Buffer.alloc(200_000, 7));
    const r = recognition(notGgml);
    const error = await r
      .recognizer()
      .transcribe({ pcm: shortClip(0), language: 'en' })
      .catch((e: unknown) => e);
    expect((error as ContractError).code).toBe('UNAVAILABLE');
    expect((error as ContractError).message).toMatch(
      /is damaged: .*not-ggml\.bin is not a whisper\.cpp \(ggml\) model file/,
    );
    expect(r.recognizer().state().state).toBe('error');
  });

  it('wraps whisper.cpp refusing a model with a damaged header, naming the file', async () => {
    const damaged = join(dataDir, 'damaged-header.bin');
    const bytes = readFileSync(testModelPath('whisper-ggml-test/for-tests-ggml-tiny.en.bin'));
    bytes.writeUInt32LE(999_999, 4); // n_vocab
    writeFileSync(damaged, bytes);
    const r = recognition(damaged);
    const error = await r
      .recognizer()
      .transcribe({ pcm: shortClip(0), language: 'en' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).message).toMatch(
      /^The Whisper model tiny\.en could not be loaded from .*damaged-header\.bin: Failed to initialize whisper context\. The file may be damaged\. Download the tiny\.en model/,
    );
    expect(r.recognizer().state().state).toBe('error');
  });

  it('reports a file that makes whisper.cpp abort while loading as damaged, and recovers', async () => {
    const garbage = join(dataDir, 'garbage.bin');
    writeFileSync(garbage, Buffer.concat([Buffer.from('lmgg'), Buffer.alloc(200_000, 7)]));
    const r = recognition(garbage);
    const error = await r
      .recognizer()
      .transcribe({ pcm: shortClip(0), language: 'en' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).message).toMatch(
      /garbage\.bin is damaged: the speech engine crashed while loading it/,
    );
    expect(r.worker().crashes).toBe(1);
    // A good model loads in the next worker.
    copyFileSync(testModelPath('whisper-ggml-test/for-tests-ggml-tiny.en.bin'), garbage);
    expect((await r.recognizer().transcribe({ pcm: shortClip(1), language: 'en' })).text).toBe('');
  }, 60_000);

  it('finds the 4 documented speech segments in jfk.wav with Silero VAD', async () => {
    const r = recognition();
    const segments = await r.vad.segments(jfk);
    const documented = [
      [320, 2270],
      [3270, 4410],
      [5380, 7680],
      [8160, 10_620],
    ];
    expect(segments).toHaveLength(4);
    segments.forEach((segment, i) => {
      expect(Math.abs(segment.startMs - documented[i]![0]!)).toBeLessThanOrEqual(50);
      expect(Math.abs(segment.endMs - documented[i]![1]!)).toBeLessThanOrEqual(50);
    });
    expect(r.vad.state().state).toBe('ready');
    expect(await r.vad.segments(new Int16Array(16_000))).toEqual([]);
  });

  it('reports a worker crash and restarts the worker on the next utterance', async () => {
    const r = recognition();
    const whisper = r.recognizer();
    await whisper.transcribe({ pcm: shortClip(0), language: 'en' });
    const crashed = r.worker().pid!;
    const running = whisper.transcribe({ pcm: jfk, language: 'en' });
    // Let the request reach the worker (the recognizer checks the file first).
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(crashed, 'SIGKILL');
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).message).toMatch(
      /stopped unexpectedly \(killed by SIGKILL.*restarts on the next utterance/,
    );
    expect(whisper.state().state).toBe('not-loaded');
    expect(r.worker().crashes).toBe(1);

    expect((await whisper.transcribe({ pcm: shortClip(1), language: 'en' })).text).toBe('');
    expect(r.worker().pid).not.toBe(crashed);
    expect(r.worker().starts).toBe(2);
    expect(whisper.state()).toMatchObject({ state: 'ready', loads: 2 });
  }, 60_000);
});
