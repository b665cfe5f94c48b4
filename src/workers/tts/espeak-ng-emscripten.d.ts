/**
 * Types for the parts of @echogarden/espeak-ng-emscripten 0.3.5 that Cadence uses (the package ships
 * none). Read from its espeak-ng.js: an Emscripten module factory whose eSpeakNGWorker binds
 * espeak-ng's C API; it finds espeak-ng.data next to itself.
 */
declare module '@echogarden/espeak-ng-emscripten' {
  export interface ESpeakVoiceEntry {
    name: string;
    identifier: string;
    languages: Array<{ priority: number; name: string }>;
  }

  export interface ESpeakEvent {
    type: string;
    audio_position: number;
  }

  export interface ESpeakNGWorker {
    list_voices(): ESpeakVoiceEntry[];
    /** espeak_SetVoiceByName: 0 on success. */
    set_voice(name: string): number;
    set_rate(wordsPerMinute: number): number;
    set_pitch(pitch: number): number;
    set_range(range: number): number;
    get_samplerate(): number;
    /**
     * Synthesizes synchronously, calling back with each chunk of 16-bit mono samples as it is
     * produced; returning true from the callback aborts.
     */
    synthesize(text: string, callback: (samples: Int16Array, events: ESpeakEvent[]) => boolean): void;
  }

  export interface ESpeakModule {
    eSpeakNGWorker: new () => ESpeakNGWorker;
  }

  const createModule: (options?: Record<string, unknown>) => Promise<ESpeakModule>;
  export default createModule;
}
