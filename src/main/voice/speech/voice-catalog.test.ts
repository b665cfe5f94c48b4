import { describe, expect, it } from 'vitest';
import type { EngineVoice } from '../../../workers/tts/protocol';
import { VoiceCatalog } from './voice-catalog';

const voice = (identifier: string, name: string, ...languages: Array<[number, string]>): EngineVoice => ({
  identifier,
  name,
  languages: languages.map(([priority, language]) => ({ priority, name: language })),
});

// A slice of espeak-ng's real list (see the synthesizer test for the whole of it).
const catalog = new VoiceCatalog([
  voice('gmw/en', 'English (Great Britain)', [2, 'en-gb'], [2, 'en']),
  voice('gmw/en-GB-x-rp', 'English (Received Pronunciation)', [5, 'en-gb-x-rp'], [4, 'en-gb'], [5, 'en']),
  voice('gmw/en-US', 'English (America)', [2, 'en-us'], [3, 'en']),
  voice('roa/fr-BE', 'French (Belgium)', [5, 'fr-be'], [8, 'fr']),
  voice('roa/fr', 'French (France)', [5, 'fr-fr'], [5, 'fr']),
  voice('sit/yue', 'Chinese (Cantonese)', [5, 'yue'], [5, 'zh-yue']),
  voice('sit/yue-Latn-jyutping', 'Chinese (Cantonese, latin as Jyutping)', [5, 'yue'], [5, 'zh-yue']),
]);

describe('VoiceCatalog', () => {
  it('names voices by their main language tag, or their file name where two share it', () => {
    expect(catalog.voices.map((v) => v.id)).toEqual([
      'en-gb',
      'en-gb-x-rp',
      'en-us',
      'fr-be',
      'fr-fr',
      'yue',
      'yue-latn-jyutping',
    ]);
  });

  it('resolves ids and claimed languages to the best voice, case-insensitively', () => {
    expect(catalog.resolve('en-us')).toBe('gmw/en-US');
    expect(catalog.resolve('EN-GB')).toBe('gmw/en');
    expect(catalog.resolve('en')).toBe('gmw/en');
    expect(catalog.resolve('fr')).toBe('roa/fr');
    expect(catalog.resolve('yue-latn-jyutping')).toBe('sit/yue-Latn-jyutping');
    expect(catalog.resolve('xx')).toBeNull();
  });

  it('suggests common voices first', () => {
    expect(catalog.suggestions(3)).toEqual(['en-us', 'en-gb', 'fr-fr']);
  });
});
