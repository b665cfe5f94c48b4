/**
 * Turns what a person types into a safe FTS5 query: text is split into words the way the
 * unicode61 tokenizer splits it, every word is quoted (so FTS operators and punctuation are
 * literal) and the last one matches as a prefix, for search-as-you-type — unless it is a single
 * character, whose prefix would expand to a large share of the vocabulary for little meaning.
 * Returns null when nothing searchable remains.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}\p{M}_]+/u)
    .filter((word) => word.length > 0);
  if (words.length === 0) return null;
  const last = words.length - 1;
  return words.map((word, i) => `"${word}"${i === last && [...word].length > 1 ? '*' : ''}`).join(' ');
}
