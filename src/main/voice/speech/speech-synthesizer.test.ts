import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { WaveFile } from 'wavefile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../../shared/contract/errors';
import type { Speech } from '../../../shared/contract/voice';
import { createLogger } from '../../platform/logger/logger';
import { createSpeechSynthesizer, type SpeechSynthesizer } from './speech-synthesizer';
import { buildTestTtsWorker, type BuiltTtsWorker } from './test-tts-worker-build';

const logger = createLogger();
const REPLY = 'Your LinkedIn post about morning routines is ready. Do you want me to publish it now?';

let built: BuiltTtsWorker;
let root: string;
let synthesizer: SpeechSynthesizer;

beforeAll(async () => {
  built = await buildTestTtsWorker();
  root = await mkdtemp(join(tmpdir(), 'cadence-tts-'));
  synthesizer = createSpeechSynthesizer({ cacheDir: join(root, 'cache'), logger, workerPath: built.path });
}, 60_000);

afterAll(async () => {
  await synthesizer.close();
  await built.dispose();
  await rm(root, { recursive: true, force: true });
});

/** Parses the WAV independently of Cadence's encoder (wavefile) and returns its samples. */
function decode(speech: Speech): { wav: WaveFile; samples: Int16Array } {
  const wav = new WaveFile(Buffer.from(speech.wavBase64, 'base64'));
  const samples = wav.getSamples(false, Int16Array) as unknown as Int16Array;
  return { wav, samples };
}

function rms(samples: Int16Array): number {
  let sum = 0;
  for (const sample of samples) sum += (sample / 32768) ** 2;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

async function refusal(promise: Promise<unknown>): Promise<ContractError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ContractError);
  return error as ContractError;
}

describe('createSpeechSynthesizer (real espeak-ng WebAssembly in a worker thread)', () => {
  it('speaks a reply as a valid, audible 16-bit mono WAV and says when the first audio came', async () => {
    expect(synthesizer.state().state).toBe('not-loaded');
    const speech = await synthesizer.speak({ text: REPLY });
    const { wav, samples } = decode(speech);
    const fmt = wav.fmt as { numChannels: number; bitsPerSample: number; sampleRate: number; audioFormat: number };
    expect(fmt).toMatchObject({ numChannels: 1, bitsPerSample: 16, audioFormat: 1, sampleRate: speech.sampleRate });
    expect(speech.sampleRate).toBe(22050);
    expect(samples.length).toBeGreaterThan(speech.sampleRate * 2);
    expect(speech.durationMs).toBeCloseTo((samples.length / speech.sampleRate) * 1000, 3);
    expect(rms(samples)).toBeGreaterThan(0.02);
    expect(speech.cached).toBe(false);
    expect(speech.firstAudioMs).toBeGreaterThan(0);
    expect(synthesizer.state()).toMatchObject({ state: 'ready' });
  });

  it('lists the real voices it ships, in many languages', async () => {
    const voices = await synthesizer.listVoices();
    expect(voices.length).toBeGreaterThan(100);
    const ids = voices.map((voice) => voice.id);
    expect(ids).toEqual(expect.arrayContaining(['en-us', 'en-gb', 'es', 'es-419', 'de', 'fr-fr', 'it', 'pt-br']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(voices.find((voice) => voice.id === 'en-gb')).toEqual({
      id: 'en-gb',
      name: 'English (Great Britain)',
      language: 'en-gb',
    });
  });

  it('takes longer to say a longer text', async () => {
    const short = await synthesizer.speak({ text: 'Done.' });
    const long = await synthesizer.speak({ text: `Done. ${REPLY} ${REPLY}` });
    expect(long.durationMs).toBeGreaterThan(short.durationMs * 3);
  });

  it('speaks faster at a higher rate, and the tones change the pace as documented', async () => {
    const slow = await synthesizer.speak({ text: REPLY, rate: 120 });
    const fast = await synthesizer.speak({ text: REPLY, rate: 300 });
    expect(slow.durationMs).toBeGreaterThan(fast.durationMs * 1.6);

    const calm = await synthesizer.speak({ text: REPLY, tone: 'calm' });
    const upbeat = await synthesizer.speak({ text: REPLY, tone: 'upbeat' });
    expect(calm.durationMs).toBeGreaterThan(upbeat.durationMs);
    expect(calm.wavBase64).not.toBe(upbeat.wavBase64);
  });

  it('changes the sound with the pitch', async () => {
    const low = await synthesizer.speak({ text: 'Scheduled for tomorrow at nine.', pitch: 10 });
    const high = await synthesizer.speak({ text: 'Scheduled for tomorrow at nine.', pitch: 90 });
    expect(low.wavBase64).not.toBe(high.wavBase64);
  });

  it('speaks Spanish with a Spanish voice, and accepts a language tag a voice claims', async () => {
    const spanish = await synthesizer.speak({
      text: 'Tu publicación está programada para mañana a las nueve.',
      voice: 'es',
    });
    expect(rms(decode(spanish).samples)).toBeGreaterThan(0.02);
    expect(spanish.durationMs).toBeGreaterThan(1500);

    const french = await synthesizer.speak({ text: 'Bonjour, votre message est prêt.', voice: 'fr' });
    expect(rms(decode(french).samples)).toBeGreaterThan(0.02);
  });

  it('serves a repeated reply from the cache: identical bytes, cached, kept across restarts', async () => {
    const text = 'Your post is queued.';
    const first = await synthesizer.speak({ text, voice: 'en-gb', rate: 190 });
    const again = await synthesizer.speak({ text, voice: 'en-gb', rate: 190 });
    expect(first.cached).toBe(false);
    expect(again).toMatchObject({ cached: true, wavBase64: first.wavBase64, sampleRate: first.sampleRate });
    expect(again.durationMs).toBeCloseTo(first.durationMs, 6);

    const otherVoice = await synthesizer.speak({ text, voice: 'en-us', rate: 190 });
    expect(otherVoice.cached).toBe(false);

    // The files outlive the process that wrote them.
    const later = createSpeechSynthesizer({ cacheDir: join(root, 'cache'), logger, workerPath: built.path });
    try {
      expect(await later.speak({ text, voice: 'en-gb', rate: 190 })).toMatchObject({
        cached: true,
        wavBase64: first.wavBase64,
      });
      expect(later.state().state).toBe('not-loaded');
    } finally {
      await later.close();
    }
  });

  it('keeps the cache under its bound by deleting the least recently used replies', async () => {
    const texts = ['Opening the calendar.', 'Your goal is on track.', 'Here is your last post.'];
    const sizes = await Promise.all(
      texts.map(async (text) => Buffer.from((await synthesizer.speak({ text })).wavBase64, 'base64').length),
    );
    const [, second, third] = [...sizes].sort((a, b) => a - b) as [number, number, number];
    const cacheDir = join(root, 'bounded');
    // Room for any two replies, never for all three.
    const bounded = createSpeechSynthesizer({
      cacheDir,
      logger,
      workerPath: built.path,
      maxCacheBytes: second + third,
    });
    try {
      const [a, b, c] = texts as [string, string, string];
      await bounded.speak({ text: a });
      await bounded.speak({ text: b });
      expect((await bounded.speak({ text: a })).cached).toBe(true); // a is now the most recent
      await bounded.speak({ text: c }); // evicts b, the least recently used
      const files = (await readdir(cacheDir)).filter((name) => name.endsWith('.wav'));
      expect(files).toHaveLength(2);
      expect((await bounded.speak({ text: a })).cached).toBe(true);
      expect((await bounded.speak({ text: c })).cached).toBe(true);
      expect((await bounded.speak({ text: b })).cached).toBe(false);
    } finally {
      await bounded.close();
    }
  });

  it('refuses an unknown voice, naming valid ones', async () => {
    const error = await refusal(synthesizer.speak({ text: 'Hello', voice: 'klingon-deluxe' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('Unknown voice "klingon-deluxe"');
    expect(error.message).toContain('en-us');
    expect(error.message).toContain('es');
    expect(error.details).toMatchObject({ suggestions: expect.arrayContaining(['en-us', 'en-gb', 'es', 'de']) });
  });

  it('refuses empty text and out-of-range settings without touching the engine', async () => {
    const quiet = createSpeechSynthesizer({ cacheDir: join(root, 'unused'), logger, workerPath: built.path });
    try {
      expect((await refusal(quiet.speak({ text: '   ' }))).message).toBe('Nothing to say');
      expect((await refusal(quiet.speak({ text: 'Hi', rate: 20 }))).code).toBe('VALIDATION_FAILED');
      expect((await refusal(quiet.speak({ text: 'Hi', pitch: 120 }))).code).toBe('VALIDATION_FAILED');
      expect(quiet.state().state).toBe('not-loaded');
    } finally {
      await quiet.close();
    }
  });

  it('reports a crashed engine, fails the reply in flight, and restarts on the next call', async () => {
    const threads: Worker[] = [];
    const crashy = createSpeechSynthesizer({
      cacheDir: join(root, 'crash'),
      logger,
      workerPath: built.path,
      spawnWorker: (path) => {
        const worker = new Worker(path, { execArgv: [] });
        threads.push(worker);
        return worker;
      },
    });
    try {
      await crashy.warm();
      const long = Array.from({ length: 12 }, () => REPLY).join(' ');
      const inFlight = crashy.speak({ text: long });
      // End the thread mid-synthesis, as a trap in the engine would.
      setTimeout(() => void threads[0]?.terminate(), 50);
      const error = await refusal(inFlight);
      expect(error.code).toBe('UNAVAILABLE');
      expect(error.message).toContain('stopped unexpectedly');
      expect(crashy.state()).toMatchObject({
        state: 'error',
        message: expect.stringContaining('restarts on the next reply'),
      });

      const after = await crashy.speak({ text: 'Back again.' });
      expect(rms(decode(after).samples)).toBeGreaterThan(0.02);
      expect(threads).toHaveLength(2);
      expect(crashy.state().state).toBe('ready');
    } finally {
      await crashy.close();
    }
  });
});
