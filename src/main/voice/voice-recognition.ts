import type { VoiceSettings } from '../../shared/domain/voice';
import type { Logger } from '../platform/logger/logger';
import { commandJsgf, DEFAULT_TOPIC_WORDS, normalizePhrase } from './intents';
import { createRecognition, type RecognitionOptions } from './recognition';
import { knownWords } from './recognition/pocketsphinx-dictionary';
import type { VoiceRecognition } from './voice.service';

/** Words for the pocketsphinx grammar's topic slot, refreshed from the creator's post titles. */
export interface TopicWords {
  words: string[];
}

/** Below this many words of their own, the creator's topics are padded with the common ones. */
const MIN_OWN_WORDS = 12;
const MAX_OWN_WORDS = 120;
const STOP_WORDS = new Set(
  'the and for with that this from your you our are was were have has how why what when who into out about its not but all can will just'.split(
    ' ',
  ),
);

/**
 * The topic slot's words: the creator's own (profile niche, post titles), else the common list.
 * Measured with espeak-ng speech: with ~20 topic words "morning routines" is heard exactly; with the
 * ~300 common words it becomes "learning beauty user", so a small, personal vocabulary wins.
 */
export function topicVocabulary(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const word of texts.flatMap((t) => normalizePhrase(t).split(' '))) {
    if (word.length > 2 && !STOP_WORDS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  // The most used words first, capped: every extra word costs recognition accuracy.
  const own = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_OWN_WORDS)
    .map(([word]) => word);
  return own.length >= MIN_OWN_WORDS ? own : [...new Set([...own, ...DEFAULT_TOPIC_WORDS])];
}

export interface VoiceRecognitionOptions {
  dataDir: string;
  logger: Logger;
  settings: () => VoiceSettings;
  topicWords: TopicWords;
  /** Test and bench overrides: the built worker, test model files. */
  overrides?: Partial<Omit<RecognitionOptions, 'dataDir' | 'logger' | 'settings' | 'grammar'>>;
}

/**
 * Recognition as the voice domain uses it: the recognition module's engines, with the pocketsphinx
 * grammar built from the command grammar and the creator's topic words, limited to the words the
 * recognizer's dictionary has (one unknown word would stop the grammar from loading).
 */
export function createVoiceRecognition(options: VoiceRecognitionOptions): VoiceRecognition {
  return createRecognition({
    ...options.overrides,
    dataDir: options.dataDir,
    logger: options.logger,
    settings: options.settings,
    grammar: (language) =>
      commandJsgf(language, {
        topicWords: options.topicWords.words,
        isKnownWord: (word) => knownWords().has(word),
      }),
  });
}
