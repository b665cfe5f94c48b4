import { readFile } from 'node:fs/promises';

/**
 * The words of a CMU-style pronunciation dictionary (pocketsphinx's `cmudict-en-us.dict`: "word PH ONES",
 * alternates as "word(2)"), for `commandJsgf`'s `isKnownWord`: a grammar word missing from it stops
 * the grammar from loading.
 */
export async function loadDictionaryWords(path: string): Promise<Set<string>> {
  const text = await readFile(path, 'utf8');
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.split(' ', 1)[0]?.replace(/\(\d+\)$/, '');
    if (word) words.add(word);
  }
  return words;
}
