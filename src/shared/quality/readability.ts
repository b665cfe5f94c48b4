/**
 * Flesch reading ease (Flesch 1948): 206.835 − 1.015 × words per sentence − 84.6 × syllables per
 * word. 60–70 is plain English; below 30 is hard (academic prose). The syllable count is the
 * usual vowel-group heuristic: good enough for a score, not for a dictionary.
 */

const isVowel = (c: string) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';

/** Estimated English syllables of one word (at least 1): vowel groups, minus a silent final e. */
export function syllablesOf(word: string): number {
  const w = word.toLowerCase();
  if (w.length <= 3) return 1;
  let groups = 0;
  let inGroup = false;
  // A leading y is a consonant ("yes"), so start counting after it.
  for (let i = w.charAt(0) === 'y' ? 1 : 0; i < w.length; i += 1) {
    const vowel = isVowel(w.charAt(i));
    if (vowel && !inGroup) groups += 1;
    inGroup = vowel;
  }
  // Silent endings: "make", "baked", "bakes" (but not "table", "loved" after an l or a vowel).
  const n = w.length;
  const silent =
    (w.endsWith('e') && n >= 2 && !isVowel(w.charAt(n - 2)) && w.charAt(n - 2) !== 'l') ||
    ((w.endsWith('es') || w.endsWith('ed')) && n >= 3 && !isVowel(w.charAt(n - 3)) && w.charAt(n - 3) !== 'l');
  if (silent && groups > 1) groups -= 1;
  return Math.max(1, groups);
}

export interface ReadabilityInput {
  words: readonly string[];
  sentences: number;
}

/** Flesch reading ease, clamped to 0–100 and rounded; null without words or sentences. */
export function fleschReadingEase({ words, sentences }: ReadabilityInput): number | null {
  if (words.length === 0 || sentences === 0) return null;
  let syllables = 0;
  for (const word of words) syllables += syllablesOf(word);
  const ease = 206.835 - 1.015 * (words.length / sentences) - 84.6 * (syllables / words.length);
  return Math.round(Math.min(100, Math.max(0, ease)));
}
