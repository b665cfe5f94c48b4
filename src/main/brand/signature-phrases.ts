import { STOP_WORDS, wordsOf } from './stop-words';

/** A phrase counts as a signature when it appears in at least this many different posts. */
export const SIGNATURE_MIN_POSTS = 3;
const MIN_WORDS = 2;
const MAX_WORDS = 4;
const MAX_PHRASES = 10;

/** Links, mentions and hashtags are not part of how someone phrases things. */
const NOT_PROSE = /https?:\/\/\S+|www\.\S+|[@#\uFF03][\p{L}\p{N}_.]+/gu;

/** Runs of words not broken by sentence punctuation or line breaks (a phrase never crosses them). */
function clauses(text: string): string[][] {
  return text
    .replace(NOT_PROSE, '\n')
    .split(/[.!?;:,()[\]{}"“”\n\r\u2026\u2014\u2013]+/u)
    .map(wordsOf)
    .filter((words) => words.length >= MIN_WORDS);
}

/**
 * The 2–4-word phrases the creator keeps using: each found in at least 3 different posts, never made
 * only of stop words. Longer phrases win over the shorter ones inside them when they appear in as
 * many posts ("see you next week" over "see you"). Most-used first, at most 10.
 */
export function signaturePhrases(texts: readonly string[]): string[] {
  const postsPerPhrase = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const words of clauses(text)) {
      for (let size = MIN_WORDS; size <= MAX_WORDS; size++) {
        for (let start = 0; start + size <= words.length; start++) {
          const gram = words.slice(start, start + size);
          if (gram.every((word) => STOP_WORDS.has(word))) continue;
          seen.add(gram.join(' '));
        }
      }
    }
    for (const phrase of seen) postsPerPhrase.set(phrase, (postsPerPhrase.get(phrase) ?? 0) + 1);
  }
  const frequent = [...postsPerPhrase].filter(([, posts]) => posts >= SIGNATURE_MIN_POSTS);
  const kept = frequent.filter(
    ([phrase, posts]) =>
      !frequent.some(
        ([other, otherPosts]) => other !== phrase && otherPosts >= posts && ` ${other} `.includes(` ${phrase} `),
      ),
  );
  return kept
    .sort(
      ([a, postsA], [b, postsB]) => postsB - postsA || b.split(' ').length - a.split(' ').length || a.localeCompare(b),
    )
    .slice(0, MAX_PHRASES)
    .map(([phrase]) => phrase);
}
