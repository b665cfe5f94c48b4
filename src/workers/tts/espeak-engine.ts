import createEspeakModule, { type ESpeakNGWorker } from '@echogarden/espeak-ng-emscripten';
import type { EngineSettings, EngineVoice } from './protocol';

/** Thrown for a voice the engine does not have (main checks first; this is the engine's last word). */
export class UnknownVoiceError extends Error {}

/**
 * espeak-ng compiled to WebAssembly, loaded once: the module reads its ~24 MB data file at load,
 * after which a synthesis costs only the synthesis.
 */
export class EspeakEngine {
  private constructor(private readonly espeak: ESpeakNGWorker) {}

  static async load(): Promise<EspeakEngine> {
    const module = await createEspeakModule();
    return new EspeakEngine(new module.eSpeakNGWorker());
  }

  get sampleRate(): number {
    return this.espeak.get_samplerate();
  }

  voices(): EngineVoice[] {
    return this.espeak.list_voices().map((voice) => ({
      identifier: voice.identifier,
      name: voice.name.trim(),
      languages: voice.languages.map((language) => ({ priority: language.priority, name: language.name })),
    }));
  }

  /**
   * Synthesizes the whole text; espeak-ng hands samples over in chunks of a few tens of
   * milliseconds, and `onFirstChunk` runs as the first one arrives (time to first audio).
   */
  synthesize(text: string, settings: EngineSettings, onFirstChunk: () => void): Int16Array {
    // The voice first: selecting a voice resets rate and pitch to its own.
    if (this.espeak.set_voice(settings.voice) !== 0) throw new UnknownVoiceError(`Unknown voice "${settings.voice}"`);
    this.espeak.set_rate(settings.rate);
    this.espeak.set_pitch(settings.pitch);
    this.espeak.set_range(settings.range);
    const chunks: Int16Array[] = [];
    let total = 0;
    this.espeak.synthesize(text, (samples) => {
      if (samples.length > 0) {
        if (chunks.length === 0) onFirstChunk();
        chunks.push(samples);
        total += samples.length;
      }
      return false;
    });
    const all = new Int16Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      all.set(chunk, offset);
      offset += chunk.length;
    }
    return all;
  }
}
