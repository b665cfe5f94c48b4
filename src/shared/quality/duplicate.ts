/**
 * Near-duplicate detection by word shingles: a text becomes the set of its 3-word sequences after
 * normalising (lower case, no links, hashtags, mentions or punctuation), and two texts are near
 * duplicates when the Jaccard similarity of their sets reaches 0.8.
 */
import { proseOf, wordsOf } from './text-features';

const NON_ASCII = /[^ -~\s]/u; // anything beyond printable ASCII and whitespace

export const DUPLICATE_THRESHOLD = 0.8;
export const SHINGLE_SIZE = 3;
/** Shorter texts ("gm", "Thank you!") repeat by nature; they are not checked. */
export const MIN_WORDS_FOR_DUPLICATES = 5;

/** The normalised words of a text (links, hashtags and mentions removed, lower case, no accents). */
export function normalizedWords(text: string): string[] {
  let prose = proseOf(text).toLowerCase();
  // Accents off only when there can be any (most posts are ASCII; NFKD is the costly part).
  if (NON_ASCII.test(prose)) prose = prose.normalize('NFKD').replace(/\p{M}/gu, '');
  const words = wordsOf(prose);
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i]!;
    if (w.includes("'") || w.includes('’')) words[i] = w.replace(/['’]/gu, '');
  }
  return words;
}

/** The set of word 3-grams of a text (the words themselves when there are fewer than 3). */
export function shinglesOf(text: string): Set<string> {
  const words = normalizedWords(text);
  const shingles = new Set<string>();
  if (words.length < SHINGLE_SIZE) {
    if (words.length > 0) shingles.add(words.join(' '));
    return shingles;
  }
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i += 1) {
    shingles.add(words.slice(i, i + SHINGLE_SIZE).join(' '));
  }
  return shingles;
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared += 1;
  return shared / (a.size + b.size - shared);
}
