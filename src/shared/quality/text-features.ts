import type { Platform } from '../domain/platform';

/**
 * Pure text measures shared by the checks and the fixes. They run on every keystroke in the
 * Compose screen, so each is a single pass with module-level patterns.
 */

/** A URL with a scheme, or a bare www. address; trailing punctuation is not part of it. */
export const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"'()]*[^\s<>"'().,;:!?]/giu;
/** A # that starts a word, then letters, marks, digits or _ (not "C#", not inside a URL). */
export const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&/#])[#＃]([\p{L}\p{M}\p{N}_]+)/gu;
const MENTION = /(?<![\p{L}\p{N}_.])@[\p{L}\p{N}_.]+/gu;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?…。！？]+(?=\s|$)|\n\s*\n/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

/** Platforms whose posts Cadence writes as threads: parts separated by a line holding only "---". */
export const THREAD_PLATFORMS: ReadonlySet<Platform> = new Set(['x', 'threads', 'bluesky', 'mastodon']);
const THREAD_SEPARATOR = /\n[ \t]*---[ \t]*(?:\n|$)/u;

/**
 * The parts of a thread body (one part for a single post, and always one on non-thread platforms).
 * Same rule as src/shared/platforms/thread.ts's splitThread; kept here so quality does not wait on it.
 */
export function threadParts(text: string, platform: Platform): string[] {
  if (!THREAD_PLATFORMS.has(platform) || !text.includes('---')) return [text];
  const parts = `\n${text}`
    .split(THREAD_SEPARATOR)
    .map((p) => p.replace(/^\n/, '').trim())
    .filter((p) => p !== '');
  return parts.length === 0 ? [text] : parts;
}

/** The first line that holds something, trimmed. */
export function firstLine(text: string): string {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '') return trimmed;
  }
  return '';
}

export function linksOf(text: string): string[] {
  return text.match(LINK) ?? [];
}

/** Lower-cased hashtags without "#", every occurrence, in order ("#1" rankings excluded). */
export function hashtagsOf(text: string): string[] {
  const tags: string[] = [];
  for (const match of text.matchAll(HASHTAG)) {
    const tag = (match[1] as string).toLowerCase();
    if (!/^\d+$/u.test(tag)) tags.push(tag);
  }
  return tags;
}

/** The text without links, hashtags and @mentions: what a reader reads as prose. */
export function proseOf(text: string): string {
  return text.replace(LINK, ' ').replace(HASHTAG, ' ').replace(MENTION, ' ');
}

export function wordsOf(prose: string): string[] {
  return prose.match(WORD) ?? [];
}

/** Sentences: split at . ! ? … followed by a space, and at blank lines; empty pieces dropped. */
export function sentencesOf(prose: string): string[] {
  return prose
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => HAS_WORD.test(s));
}

/** True when at least 80 % of the letters are Latin script (the readability formula needs it). */
export function isMostlyLatin(text: string): boolean {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      // ASCII fast path: only a–z and A–Z are letters.
      if ((code | 32) >= 97 && (code | 32) <= 122) {
        letters += 1;
        latin += 1;
      }
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) as number);
    if (char.length === 2) i += 1;
    if (!LETTER.test(char)) continue;
    letters += 1;
    if (LATIN_LETTER.test(char)) latin += 1;
  }
  return letters > 0 && latin / letters >= 0.8;
}
