import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, it } from 'vitest';
import { createLogger } from '../src/main/platform/logger/logger';
import { createSpeechSynthesizer } from '../src/main/voice/speech/speech-synthesizer';
import { buildTestTtsWorker } from '../src/main/voice/speech/test-tts-worker-build';
import { EspeakEngine } from '../src/workers/tts/espeak-engine';
import { record } from './bench-record';
import { median, percentile } from './support/stats';

const ROUNDS = Number(process.env.BENCH_TTS_ROUNDS ?? 40);
const COLD_RUNS = Number(process.env.BENCH_TTS_COLD ?? 3);
/** Typical replies: one or two sentences, as voice commands answer. */
const REPLIES = [
  'Your LinkedIn post about morning routines is ready. Do you want me to publish it now?',
  'Scheduled for tomorrow at nine in the morning.',
  'Your last post reached 1,240 people and got 37 comments.',
  'You are at 62 percent of your monthly goal, with 11 days to go.',
];
/** Distinct text every round, so nothing comes from the cache. */
const reply = (round: number): string => `${REPLIES[round % REPLIES.length]!} Reply ${round + 1}.`;

const root = mkdtempSync(join(tmpdir(), 'cadence-bench-tts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Time to first audio of spoken replies: espeak-ng (WebAssembly) in Cadence's worker thread, from
 * speak() to the first chunk of samples (espeak-ng hands samples over in chunks, so this is the
 * first chunk, not the whole reply); the same engine called directly in this thread for
 * comparison; cold first calls (thread start + 24 MB data load) separately; and cache hits.
 */
it('voice.tts: time to first audio, warm, cold and cached', async () => {
  const built = await buildTestTtsWorker();
  const logger = createLogger();
  try {
    const cold: number[] = [];
    for (let run = 0; run < COLD_RUNS; run++) {
      const synthesizer = createSpeechSynthesizer({
        cacheDir: join(root, `cold-${run}`),
        logger,
        workerPath: built.path,
      });
      cold.push((await synthesizer.speak({ text: reply(run) })).firstAudioMs);
      await synthesizer.close();
    }

    const synthesizer = createSpeechSynthesizer({ cacheDir: join(root, 'warm'), logger, workerPath: built.path });
    await synthesizer.warm();
    await synthesizer.speak({ text: 'Warming up.' });
    const first: number[] = [];
    const whole: number[] = [];
    const audioMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const speech = await synthesizer.speak({ text: reply(round) });
      whole.push(performance.now() - started);
      first.push(speech.firstAudioMs);
      audioMs.push(speech.durationMs);
    }
    const hits: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      await synthesizer.speak({ text: reply(round) });
      hits.push(performance.now() - started);
    }
    await synthesizer.close();

    const engine = await EspeakEngine.load();
    const direct: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      let at = 0;
      engine.synthesize(reply(round), { voice: 'gmw/en-US', rate: 175, pitch: 50, range: 50 }, () => {
        at = performance.now();
      });
      direct.push(at - started);
    }

    const n = ROUNDS;
    const what = 'a one-to-two-sentence reply (en-us, 175 wpm)';
    record({
      bench: 'voice.tts.first_audio.cold_ms',
      value: median(cold),
      unit: 'ms',
      n: COLD_RUNS,
      note: `first call of a new synthesizer: thread start, espeak-ng load, first chunk; median`,
    });
    record({
      bench: 'voice.tts.first_audio.p50_ms',
      value: median(first),
      unit: 'ms',
      n,
      note: `warm engine, ${what}`,
    });
    record({
      bench: 'voice.tts.first_audio.p95_ms',
      value: percentile(first, 95),
      unit: 'ms',
      n,
      note: `warm engine, ${what}`,
    });
    record({
      bench: 'voice.tts.first_audio.direct_p50_ms',
      value: median(direct),
      unit: 'ms',
      n,
      note: 'the same engine called in this thread, no worker, no cache',
    });
    record({
      bench: 'voice.tts.whole_reply.p50_ms',
      value: median(whole),
      unit: 'ms',
      n,
      note: `speak() until the WAV is returned and cached; replies last ${Math.round(median(audioMs))} ms (median)`,
    });
    record({
      bench: 'voice.tts.cache_hit.p50_ms',
      value: median(hits),
      unit: 'ms',
      n,
      note: 'speak() of an already spoken reply: file read, base64',
    });
    record({
      bench: 'voice.tts.cache_hit.p95_ms',
      value: percentile(hits, 95),
      unit: 'ms',
      n,
      note: 'speak() of an already spoken reply',
    });
  } finally {
    await built.dispose();
  }
});
