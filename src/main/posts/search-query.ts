/**
 * Turns what a person types into a safe FTS5 query: text is split into words the way the
 * unicode61 tokenizer splits it, every word is quoted (so FTS operators and punctuation are
 * literal) and the last one matches as a prefix, for search-as-you-type. Returns null when
 * nothing searchable remains.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}\p{M}_]+/u)
    .filter((word) => word.length > 0);
  if (words.length === 0) return null;
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
