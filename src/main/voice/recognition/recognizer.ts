import type { RecognizerId, VoiceLanguage, WhisperModelId } from '../../../shared/domain/voice';

/**
 * The seams between speech recognition and the rest of the voice domain. Audio is always 16 kHz
 * mono signed 16-bit PCM (src/shared/audio converts everything else). Failures are ContractErrors
 * with plain messages: a missing model names the file and how to get it; a corrupt one says what failed.
 */

export type EngineStateName = 'not-loaded' | 'loading' | 'ready' | 'error' | 'missing-model' | 'unavailable';

export interface RecognizerState {
  state: EngineStateName;
  /** Plain words: what is loaded, or what is wrong and how to fix it. */
  message: string;
  /** How long the last model load took. */
  loadMs: number | null;
  /** Loads since start: stays 1 while the model is kept warm between utterances. */
  loads: number;
  gpu: boolean;
  /** The Whisper model in use; null for engines without one. */
  model: WhisperModelId | null;
}

export interface TranscribeRequest {
  /** 16 kHz mono. */
  pcm: Int16Array;
  language: VoiceLanguage | 'auto';
  /** Aborting stops the transcription; the promise rejects with an AbortError-named error. */
  signal?: AbortSignal;
}

export interface Transcript {
  text: string;
  /** The language the engine heard or was told; null when it cannot say. */
  language: string | null;
  /** Time spent in the engine for this utterance (excludes a first load). */
  ms: number;
}

export interface SpeechRecognizer {
  readonly id: RecognizerId;
  state(): RecognizerState;
  /** Loads the model (once) so the first utterance does not pay for it. */
  warm(): Promise<void>;
  transcribe(request: TranscribeRequest): Promise<Transcript>;
  close(): Promise<void>;
}

export interface SpeechSegment {
  startMs: number;
  endMs: number;
}

export interface VoiceActivityDetector {
  state(): { state: EngineStateName; message: string };
  /** Speech segments in the audio, in order. */
  segments(pcm: Int16Array): Promise<SpeechSegment[]>;
  close(): Promise<void>;
}

const SAMPLES_PER_MS = 16;

/**
 * The audio from just before the first speech to just after the last, `padMs` either side (the
 * detector's edges clip soft consonants). Silence between segments is kept: the recognizer needs
 * the pauses between words. No speech at all gives empty audio.
 */
export function trimToSpeech(pcm: Int16Array, segments: readonly SpeechSegment[], padMs: number): Int16Array {
  const first = segments[0];
  const last = segments.at(-1);
  if (!first || !last) return new Int16Array(0);
  const start = Math.max(0, Math.floor((first.startMs - padMs) * SAMPLES_PER_MS));
  const end = Math.min(pcm.length, Math.ceil((last.endMs + padMs) * SAMPLES_PER_MS));
  return end > start ? pcm.slice(start, end) : new Int16Array(0);
}

/**
 * Whether a toggle-mode recording can stop: speech was heard and at least `silenceMs` of quiet
 * has followed the last of it.
 */
export function endedInSilence(segments: readonly SpeechSegment[], totalMs: number, silenceMs: number): boolean {
  const last = segments.at(-1);
  return last !== undefined && totalMs - last.endMs >= silenceMs;
}
