import { z } from 'zod';
import phrasesJson from '../../../resources/quality-phrases.json';
import spamJson from '../../../resources/quality-spam-phrases.json';
import type { Platform } from '../domain/platform';

const words = z.array(z.string().min(1));

const phrasesFileSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(1),
  weakOpeners: words,
  hookWords: words,
  numberWords: words,
  ctaPhrases: words,
  ctaLines: z
    .record(z.string(), z.string().min(1))
    .refine((lines) => Object.hasOwn(lines, 'default'), 'ctaLines needs a "default" line'),
});

const spamFileSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(1),
  phrases: z.array(z.strictObject({ phrase: z.string().min(1), replacement: z.string().optional() })),
  acronyms: words,
});

const phrases = phrasesFileSchema.parse(phrasesJson);
const spam = spamFileSchema.parse(spamJson);

/** Escapes a phrase for a RegExp source. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One case-insensitive pattern for a list of phrases, each on word boundaries: one look-behind for
 * the whole alternation (every phrase starts with a letter or digit), and a look-ahead only after
 * phrases that end with one (so "thoughts?" works). Longest first, so the longest phrase wins.
 */
export function phrasePattern(list: readonly string[], flags = 'iu'): RegExp {
  const sorted = [...list].sort((a, b) => b.length - a.length);
  const source = (items: string[]) => items.map((p) => escape(p).replace(/'/g, "['’]")).join('|');
  const wordEnd = sorted.filter((p) => /[\p{L}\p{N}]$/u.test(p));
  const otherEnd = sorted.filter((p) => !/[\p{L}\p{N}]$/u.test(p));
  const alternatives = [`(?:${source(wordEnd)})(?![\\p{L}\\p{N}_])`];
  if (otherEnd.length > 0) alternatives.push(`(?:${source(otherEnd)})`);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})`, flags);
}

export const WEAK_OPENER = new RegExp(`^(?:${phrasePattern(phrases.weakOpeners).source})`, 'iu');
export const HOOK_WORD = phrasePattern(phrases.hookWords);
export const NUMBER_WORD = phrasePattern(phrases.numberWords);
export const CTA_PHRASE = phrasePattern(phrases.ctaPhrases);

/** Spammy phrases with what the fix puts instead (nothing by default). */
export const SPAM_PHRASES: readonly { phrase: string; replacement: string }[] = spam.phrases.map((p) => ({
  phrase: p.phrase,
  replacement: p.replacement ?? '',
}));
export const SPAM_PATTERN = phrasePattern(
  SPAM_PHRASES.map((p) => p.phrase),
  'giu',
);
export const ACRONYMS: ReadonlySet<string> = new Set(spam.acronyms.map((a) => a.toUpperCase()));

/** The line the "add a call to action" fix appends on this platform. */
export function ctaLineFor(platform: Platform): string {
  return phrases.ctaLines[platform] ?? (phrases.ctaLines.default as string);
}
