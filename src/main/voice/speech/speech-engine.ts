import type { EngineSettings, EngineVoice } from '../../../workers/tts/protocol';
import type { SynthesizerState } from './speech-synthesizer';

export interface SynthesizedAudio {
  /** 16-bit mono samples. */
  samples: Int16Array;
  sampleRate: number;
}

/**
 * A speech engine as the synthesizer uses it. espeak-ng (WebAssembly, in a worker thread) is the
 * one built; higher-quality voices (Piper or Kokoro ONNX models from the model manager) would be
 * another implementation, with their own voice ids.
 */
export interface SpeechEngine {
  state(): SynthesizerState;
  /** Loads the engine if it is not running; resolves once it can synthesize. */
  start(): Promise<void>;
  voices(): Promise<EngineVoice[]>;
  /** `onFirstAudio` runs when the engine has produced its first samples, before the rest. */
  synthesize(text: string, settings: EngineSettings, onFirstAudio: () => void): Promise<SynthesizedAudio>;
  close(): Promise<void>;
}
