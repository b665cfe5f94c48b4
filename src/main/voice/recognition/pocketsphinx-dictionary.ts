import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import extraDictionary from '../../../../resources/voice/pocketsphinx-extra.dict?raw';

/** Debian's pocketsphinx-en-us package. */
export const DEBIAN_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
export const CMUDICT_FILE = 'cmudict-en-us.dict';

/** Words Cadence needs that cmudict lacks (platform names). Without them a grammar that uses them fails to load. */
export const EXTRA_DICTIONARY = extraDictionary;

/** The word a dictionary line defines, without its "(2)" alternate-pronunciation suffix. */
function wordOf(line: string): string | null {
  const word = line.split(/\s/, 1)[0];
  return word ? word.replace(/\(\d+\)$/, '').toLowerCase() : null;
}

/**
 * Writes cmudict + Cadence's extra words into the data folder, once (rewritten only when either
 * part changes), because pocketsphinx takes a single -dict file.
 */
export async function ensureMergedDictionary(cmudictPath: string, targetDir: string): Promise<string> {
  const target = join(targetDir, 'cadence-en-us.dict');
  const base = await readFile(cmudictPath, 'utf8');
  const merged = `${base.trimEnd()}\n${EXTRA_DICTIONARY.trim()}\n`;
  const existing = existsSync(target) ? await readFile(target, 'utf8') : null;
  if (existing !== merged) {
    await mkdir(targetDir, { recursive: true });
    const part = `${target}.${process.pid}.part`;
    await writeFile(part, merged);
    await rename(part, target);
  }
  return target;
}

let cachedWords: { path: string; words: Set<string> } | null = null;

/**
 * Every word pocketsphinx can recognise (cmudict + the extra words), lower-case. For
 * commandJsgf's isKnownWord: a grammar must only use these words or it fails to load.
 */
export function knownWords(cmudictPath = join(DEBIAN_MODEL_DIR, CMUDICT_FILE)): Set<string> {
  if (cachedWords?.path === cmudictPath) return cachedWords.words;
  const words = new Set<string>();
  const text = existsSync(cmudictPath) ? readFileSync(cmudictPath, 'utf8') : '';
  for (const line of `${text}\n${EXTRA_DICTIONARY}`.split('\n')) {
    const word = wordOf(line);
    if (word) words.add(word);
  }
  cachedWords = { path: cmudictPath, words };
  return words;
}
