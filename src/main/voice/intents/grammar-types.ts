import type { Platform } from '../../../shared/domain/platform';
import type { VoiceAction, VoiceIntent, VoiceLanguage, VoicePage } from '../../../shared/domain/voice';

/**
 * One language's command grammar: regular expressions over the normalised, filler-free utterance
 * (see normalize.ts), tried by matcher.ts in this order: fixed, schedule, navigate, draft.
 */
export interface LanguageGrammar {
  language: VoiceLanguage;
  /** Whole-utterance patterns for actions without slots, in priority order. */
  fixed: Array<{ intent: VoiceIntent; patterns: RegExp[] }>;
  /**
   * Capture group `time`. `strict` verbs ("schedule") turn an unresolved time into a near miss;
   * loose ones ("post it …") just fall through to the other rules.
   */
  schedule: Array<{ pattern: RegExp; strict: boolean }>;
  /** Capture group `page`: a phrase looked up in `pages`. */
  navigate: RegExp[];
  /** Every page's names in this language, normalised. */
  pages: Record<VoicePage, string[]>;
  /** Capture group `topic`, optional `p1`/`p2` (platform aliases) and `noun`. */
  draft: RegExp[];
  /** A platform said after the topic ("… for LinkedIn"): groups `topic` and `p3`. */
  trailingPlatform: RegExp;
  /** Nouns that name their platform ("tweet" → x). */
  nounPlatforms: Record<string, Platform>;
  /** Words that are not a topic on their own ("it", "this"). */
  emptyTopics: ReadonlySet<string>;
  /** The start of an action whose slot (time, topic, page, object) is missing or wrong. */
  nearMisses: Array<{ action: VoiceAction; pattern: RegExp }>;
}

/** Anchors a pattern source to the whole utterance. */
export function whole(source: string): RegExp {
  return new RegExp(`^(?:${source})$`);
}
