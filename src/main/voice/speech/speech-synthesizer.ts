import type { Worker } from 'node:worker_threads';
import { encodeWav } from '../../../shared/audio';
import { ContractError } from '../../../shared/contract/errors';
import type { Speech, VoiceStatus } from '../../../shared/contract/voice';
import { DEFAULT_VOICE_SETTINGS, type ReplyTone } from '../../../shared/domain/voice';
import type { Logger } from '../../platform/logger/logger';
import { EspeakWorkerEngine } from './espeak-worker-engine';
import { prosodyFor } from './prosody';
import { SpeechCache, speechCacheKey } from './speech-cache';
import type { SpeechEngine } from './speech-engine';
import { resolveTtsWorkerPath } from './tts-worker-path';
import { VoiceCatalog } from './voice-catalog';

/** The speech engine's health, as `voice:status` reports it under `tts`. */
export type SynthesizerState = VoiceStatus['tts'];

/** A voice the engine ships; `id` is what `speak({ voice })` and the settings take (e.g. "en-us"). */
export interface VoiceInfo {
  id: string;
  /** espeak-ng's own name, e.g. "English (America)". */
  name: string;
  /** The voice's main language tag, lower case, e.g. "en-gb", "es", "fr-fr". */
  language: string;
}

/** One reply to say. Unset fields take the default reply settings (DEFAULT_VOICE_SETTINGS.replies). */
export interface SpeakRequest {
  text: string;
  /** A voice id from listVoices(), or a language tag that one voice claims (e.g. "fr", "en"). */
  voice?: string;
  /** Words per minute, 80–400, before the tone adjusts it. */
  rate?: number;
  /** 0–99; 50 is the voice's own pitch. */
  pitch?: number;
  tone?: ReplyTone;
}

export interface SpeechSynthesizer {
  state(): SynthesizerState;
  /** Starts the engine if needed and keeps it loaded; speak() does the same on its first call. */
  warm(): Promise<void>;
  listVoices(): Promise<VoiceInfo[]>;
  /**
   * Synthesizes a reply as a complete WAV (16-bit mono). Refuses empty text and unknown voices
   * with a ContractError (VALIDATION_FAILED); an engine crash fails the call with UNAVAILABLE
   * and the engine is started again on the next call.
   */
  speak(request: SpeakRequest): Promise<Speech>;
  close(): Promise<void>;
}

export interface SpeechSynthesizerOptions {
  /** Folder for cached replies (created when missing). */
  cacheDir: string;
  logger: Logger;
  /** Cache bound; least recently used replies are deleted past it. Default 64 MB. */
  maxCacheBytes?: number;
  /** The built TTS worker (tts-worker.js); default: found next to the main bundle. Tests pass a rolldown build. */
  workerPath?: string;
  /** Starts the worker thread; tests wrap it to hold the Worker (and end it, as a crash). */
  spawnWorker?: (path: string) => Worker;
}

/** Part of every cache key: a different engine build may say the same text differently. */
const ENGINE_ID = 'espeak-ng-emscripten@0.3.5';
const DEFAULT_MAX_CACHE_BYTES = 64 * 1024 * 1024;
const MAX_TEXT_CHARS = 2000;

function refuse(field: string, message: string, extra: Record<string, unknown> = {}): ContractError {
  return new ContractError('VALIDATION_FAILED', message, { issues: [{ path: [field], message }], ...extra });
}

function checkInteger(field: string, value: number, min: number, max: number, unit: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw refuse(field, `${unit} must be a whole number from ${min} to ${max}`);
  }
}

/** Sample rate and length of a WAV written by encodeWav (canonical 44-byte header). */
function wavFacts(wav: Uint8Array): { sampleRate: number; durationMs: number } {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const sampleRate = view.getUint32(24, true);
  const samples = view.getUint32(40, true) / 2;
  return { sampleRate, durationMs: (samples / sampleRate) * 1000 };
}

/**
 * Spoken replies: espeak-ng (WebAssembly, no system dependency) in a worker thread kept warm,
 * with a size-bounded cache of replies keyed by a hash of the text and every voice setting.
 */
export function createSpeechSynthesizer(options: SpeechSynthesizerOptions): SpeechSynthesizer {
  const { logger } = options;
  const engine: SpeechEngine = new EspeakWorkerEngine({
    workerPath: () => options.workerPath ?? resolveTtsWorkerPath(),
    logger,
    ...(options.spawnWorker ? { spawnWorker: options.spawnWorker } : {}),
  });
  const cache = new SpeechCache(options.cacheDir, options.maxCacheBytes ?? DEFAULT_MAX_CACHE_BYTES);
  let catalog: VoiceCatalog | null = null;

  const voiceCatalog = async (): Promise<VoiceCatalog> => {
    catalog ??= new VoiceCatalog(await engine.voices());
    return catalog;
  };

  const fromCache = async (key: string): Promise<Uint8Array | null> => {
    try {
      return await cache.get(key);
    } catch (error) {
      logger.warn({ err: error }, 'tts: reply cache unreadable; synthesizing');
      return null;
    }
  };

  return {
    state: () => engine.state(),
    warm: () => engine.start(),
    listVoices: async () => (await voiceCatalog()).voices.map((voice) => ({ ...voice })),

    async speak(request) {
      const started = performance.now();
      const defaults = DEFAULT_VOICE_SETTINGS.replies;
      const text = request.text.trim();
      if (text === '') throw refuse('text', 'Nothing to say');
      if (text.length > MAX_TEXT_CHARS)
        throw refuse('text', `At most ${MAX_TEXT_CHARS.toLocaleString('en')} characters`);
      const voice = (request.voice ?? defaults.voice).trim().toLowerCase();
      const rate = request.rate ?? defaults.rate;
      const pitch = request.pitch ?? defaults.pitch;
      const tone = request.tone ?? defaults.tone;
      checkInteger('rate', rate, 80, 400, 'The rate (words per minute)');
      checkInteger('pitch', pitch, 0, 99, 'The pitch');
      const prosody = prosodyFor(rate, pitch, tone);
      const key = speechCacheKey({ engine: ENGINE_ID, voice, ...prosody, text });

      const hit = await fromCache(key);
      if (hit) {
        return {
          wavBase64: Buffer.from(hit.buffer, hit.byteOffset, hit.byteLength).toString('base64'),
          ...wavFacts(hit),
          cached: true,
          firstAudioMs: performance.now() - started,
        };
      }

      const voices = await voiceCatalog();
      const identifier = voices.resolve(voice);
      if (!identifier) {
        const suggestions = voices.suggestions();
        throw refuse(
          'voice',
          `Unknown voice "${voice}". Try ${suggestions.join(', ')} (${voices.voices.length} voices in the voice list).`,
          { suggestions },
        );
      }
      let firstAudioAt: number | null = null;
      const audio = await engine.synthesize(text, { voice: identifier, ...prosody }, () => {
        firstAudioAt ??= performance.now();
      });
      const wav = encodeWav(audio.samples, audio.sampleRate);
      // A reply that cannot be cached is still a reply.
      await cache.put(key, wav).catch((error: unknown) => logger.warn({ err: error }, 'tts: could not cache a reply'));
      return {
        wavBase64: Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength).toString('base64'),
        sampleRate: audio.sampleRate,
        durationMs: (audio.samples.length / audio.sampleRate) * 1000,
        cached: false,
        firstAudioMs: (firstAudioAt ?? performance.now()) - started,
      };
    },

    close: () => engine.close(),
  };
}
