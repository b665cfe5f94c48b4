/**
 * Messages between main (src/main/voice/speech/tts-worker-host.ts) and the TTS worker thread.
 * Plain structured-clone data; the worker answers every request by its requestId.
 */

/** A voice as espeak-ng lists it: identifier is the voice file ("gmw/en-US"). */
export interface EngineVoice {
  identifier: string;
  name: string;
  /** Languages the voice claims; a lower priority number is a better match. */
  languages: Array<{ priority: number; name: string }>;
}

/** espeak-ng's own parameters, after the tone has been applied. */
export interface EngineSettings {
  /** An EngineVoice identifier. */
  voice: string;
  /** Words per minute (espeakRATE, 80–450). */
  rate: number;
  /** Base pitch 0–99 (espeakPITCH). */
  pitch: number;
  /** Pitch range 0–99 (espeakRANGE): 0 is monotone, 50 the voice's own. */
  range: number;
}

export type TtsRequest =
  | { type: 'voices'; requestId: number }
  | { type: 'synthesize'; requestId: number; text: string; settings: EngineSettings };

export type TtsEvent =
  /** Posted once, when the engine has loaded its data and can synthesize. */
  | { type: 'ready'; sampleRate: number; loadMs: number }
  /** The engine could not load; the worker exits after posting it. */
  | { type: 'load-failed'; message: string }
  | { type: 'voices'; requestId: number; voices: EngineVoice[] }
  /** The first chunk of samples exists (posted from inside synthesis, before the rest). */
  | { type: 'first-audio'; requestId: number }
  | { type: 'audio'; requestId: number; samples: Int16Array; sampleRate: number }
  | { type: 'error'; requestId: number; message: string };
