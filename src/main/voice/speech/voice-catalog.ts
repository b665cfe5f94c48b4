import type { EngineVoice } from '../../../workers/tts/protocol';
import type { VoiceInfo } from './speech-synthesizer';

/** Voices named first when a requested voice is unknown, when the engine has them. */
const SUGGESTED = ['en-us', 'en-gb', 'es', 'es-419', 'de', 'fr-fr', 'it', 'pt-br'];

/**
 * The engine's voices under stable, readable ids. A voice's id is its main language tag ("en-us",
 * "en-gb", "es", "fr-fr"), or its file name where two voices share that tag. A request may also name
 * any language a voice claims ("en", "fr"): the voice claiming it with the best priority wins.
 */
export class VoiceCatalog {
  readonly voices: VoiceInfo[];
  private readonly byId = new Map<string, string>();
  private readonly byLanguage = new Map<string, { identifier: string; priority: number }>();

  constructor(engineVoices: EngineVoice[]) {
    const mainTag = (voice: EngineVoice): string => (voice.languages[0]?.name ?? voice.identifier).toLowerCase();
    const tagCount = new Map<string, number>();
    for (const voice of engineVoices) tagCount.set(mainTag(voice), (tagCount.get(mainTag(voice)) ?? 0) + 1);

    this.voices = engineVoices.map((voice) => {
      const tag = mainTag(voice);
      const fileName = (voice.identifier.split('/').at(-1) ?? voice.identifier).toLowerCase();
      const id = tagCount.get(tag) === 1 ? tag : fileName;
      this.byId.set(id, voice.identifier);
      for (const language of voice.languages) {
        const name = language.name.toLowerCase();
        const best = this.byLanguage.get(name);
        if (!best || language.priority < best.priority) {
          this.byLanguage.set(name, { identifier: voice.identifier, priority: language.priority });
        }
      }
      return { id, name: voice.name, language: tag };
    });
  }

  /** The engine's identifier for a requested voice, or null when no voice matches. */
  resolve(requested: string): string | null {
    const key = requested.trim().toLowerCase();
    return this.byId.get(key) ?? this.byLanguage.get(key)?.identifier ?? null;
  }

  /** A few valid ids to offer when a voice is unknown. */
  suggestions(count = 6): string[] {
    const known = SUGGESTED.filter((id) => this.byId.has(id));
    const rest = this.voices.map((voice) => voice.id).filter((id) => !known.includes(id));
    return [...known, ...rest].slice(0, count);
  }
}
