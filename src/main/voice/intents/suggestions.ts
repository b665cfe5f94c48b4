import { distance } from 'fastest-levenshtein';
import type { VoiceAction, VoiceLanguage } from '../../../shared/domain/voice';
import { ACTION_EXAMPLES } from './action-examples';
import { normalizePhrase } from './normalize';

/** Words too common to say which command was meant. */
const COMMON = new Set([
  'a',
  'an',
  'the',
  'it',
  'my',
  'to',
  'for',
  'on',
  'el',
  'la',
  'los',
  'las',
  'mi',
  'un',
  'una',
  'de',
  'a',
  'me',
]);

function contentWords(text: string): Set<string> {
  return new Set(text.split(' ').filter((w) => w !== '' && !COMMON.has(w)));
}

/**
 * How close an utterance is to a known phrasing, 0–1: shared content words (Dice) weigh most, since
 * a mangled command usually keeps its key word ("schedule", "calendar"); edit distance on the whole
 * text breaks ties and catches misspellings ("shortr").
 */
export function closeness(words: string, phrasing: string): number {
  const a = contentWords(words);
  const b = contentWords(phrasing);
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  const dice = a.size + b.size === 0 ? 0 : (2 * shared) / (a.size + b.size);
  const longest = Math.max(words.length, phrasing.length, 1);
  const edit = 1 - distance(words, phrasing) / longest;
  return 0.65 * dice + 0.35 * edit;
}

const ANSWER: VoiceAction = 'voice.answer';

/**
 * 1–3 known phrasings to say instead, one per action: the actions the utterance nearly was first
 * (their most natural phrasing), then the closest others. Yes/no is never suggested (it only makes
 * sense when asked); when nothing is close, "what can I say" leads.
 */
export function suggestPhrasings(words: string, language: VoiceLanguage, nearActions: VoiceAction[]): string[] {
  const picked: string[] = [];
  for (const action of nearActions) {
    const best = ACTION_EXAMPLES[action][language][0];
    if (best && !picked.includes(best)) picked.push(best);
  }
  const ranked = (Object.keys(ACTION_EXAMPLES) as VoiceAction[])
    .filter((action) => action !== ANSWER && !nearActions.includes(action))
    .map((action) => {
      const scored = ACTION_EXAMPLES[action][language].map((p) => ({ p, score: closeness(words, normalizePhrase(p)) }));
      return scored.sort((x, y) => y.score - x.score)[0]!;
    })
    .sort((x, y) => y.score - x.score);
  const top = ranked[0]?.score ?? 0;
  if (picked.length === 0 && top < 0.3) picked.push(ACTION_EXAMPLES['voice.help'][language][0]!);
  for (const { p, score } of ranked) {
    if (picked.length >= 3) break;
    if (score >= Math.max(0.25, top * 0.6) && !picked.includes(p)) picked.push(p);
  }
  return picked.slice(0, 3);
}
