import type { Platform } from '../domain/platform';
import { graphemes } from '../platforms/graphemes';
import { countText } from '../platforms/count';
import { EXCLAMATION_RUN } from './checks/spam';
import { ACRONYMS, ctaLineFor, SPAM_PATTERN, SPAM_PHRASES } from './phrases';
import { sweetSpotOf } from './sweet-spots';
import { HASHTAG, LINK, threadParts } from './text-features';
import { PLATFORM_LIMITS } from '../platforms/limits';

/**
 * The deterministic one-click fixes. Each takes the text and returns the fixed text; the caller
 * decides whether to apply it. Findings whose fix is 'ai' or 'none' are not handled here.
 */
export const AUTO_FIXES: Readonly<Record<string, (text: string, platform: Platform) => string>> = {
  'limit-length': trimToLimit,
  'limit-hashtags': (text, platform) =>
    keepHashtags(text, PLATFORM_LIMITS[platform].fields[PLATFORM_LIMITS[platform].primaryField]?.hashtagLimit ?? 30),
  'hashtags-too-many': (text, platform) => keepHashtags(text, sweetSpotOf(platform).hashtags.max),
  'link-first-line': moveFirstLineLinksToEnd,
  'link-instagram': replaceLinksWithBio,
  'spam-phrases': removeSpamPhrases,
  'spam-caps': lowerShouting,
  'spam-exclamations': (text) => tidy(text.replace(EXCLAMATION_RUN, (run) => (run.includes('?') ? '?' : '!'))),
  'cta-missing': (text, platform) => appendLine(text, ctaLineFor(platform)),
};

/** Whether a finding id has a deterministic fix. */
export function hasAutoFix(findingId: string): boolean {
  return Object.hasOwn(AUTO_FIXES, findingId);
}

/** Applies the deterministic fix for `findingId`; throws a RangeError for ids without one. */
export function applyAutoFix(text: string, platform: Platform, findingId: string): string {
  const fix = Object.hasOwn(AUTO_FIXES, findingId) ? AUTO_FIXES[findingId] : undefined;
  if (!fix) throw new RangeError(`No automatic fix for "${findingId}"`);
  return fix(text, platform);
}

/** Collapses the gaps removals leave: double spaces, space before punctuation, empty runs of lines. */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \t]{2,}/gu, ' ')
        .replace(/ +([,.;:!?])/gu, '$1')
        .replace(/^[ \t]*[,;:]\s*/u, '')
        .trimEnd(),
    )
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

function fits(platform: Platform, text: string): boolean {
  const c = countText(platform, text);
  return c.count <= c.limit && (c.bytes === undefined || c.byteLimit === undefined || c.bytes <= c.byteLimit);
}

/** Cuts a text to fit at the last sentence end that keeps at least half of it, else at a word. */
export function trimPart(platform: Platform, text: string): string {
  if (fits(platform, text)) return text;
  const units = [...graphemes(text)];
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(platform, units.slice(0, mid).join(''))) lo = mid;
    else hi = mid - 1;
  }
  const prefix = units.slice(0, lo).join('');
  const next = units[lo] ?? '';
  const ends = [...prefix.matchAll(/[.!?…](?=\s)/gu)].map((m) => m.index + 1);
  if (/[.!?…]$/u.test(prefix) && /^\s/u.test(next)) ends.push(prefix.length);
  const sentenceEnd = ends.at(-1);
  if (sentenceEnd !== undefined && sentenceEnd >= prefix.length / 2) return prefix.slice(0, sentenceEnd).trim();
  const wordEnd = /\s/u.test(next) ? prefix.length : prefix.search(/\s\S*$/u);
  let cut = prefix.slice(0, wordEnd > 0 ? wordEnd : prefix.length).replace(/[\s,;:–—-]+$/u, '');
  if (fits(platform, `${cut}…`)) cut = `${cut}…`;
  return cut;
}

/** Trims every part that is over the limit (each part of a thread on its own). */
export function trimToLimit(text: string, platform: Platform): string {
  const parts = threadParts(text, platform);
  if (parts.length === 1) return trimPart(platform, text.trim());
  return parts.map((part) => trimPart(platform, part)).join('\n---\n');
}

/** The run of hashtags that ends a line (where a removed tag leaves no hole in a sentence). */
const TRAILING_TAGS = /(?:\s*[#＃][\p{L}\p{M}\p{N}_]+)+\s*$/u;

/**
 * Keeps the first `max` hashtags. A later tag inside a sentence loses only its "#" (the word stays);
 * one in the run of tags that ends a line is removed.
 */
export function keepHashtags(text: string, max: number): string {
  let seen = 0;
  const lines = text.split('\n').map((line) => {
    const trailingFrom = TRAILING_TAGS.exec(line)?.index ?? line.length;
    return line.replace(HASHTAG, (whole: string, word: string, offset: number) => {
      if (/^\d+$/u.test(word)) return whole;
      seen += 1;
      if (seen <= max) return whole;
      return offset >= trailingFrom ? '' : word;
    });
  });
  return tidy(lines.join('\n'));
}

/** Lines of only hashtags at the end stay last: a new line goes before them. */
export function appendLine(text: string, line: string): string {
  const lines = text.trimEnd().split('\n');
  let at = lines.length;
  while (at > 0 && lines[at - 1]!.trim() !== '' && lines[at - 1]!.replace(HASHTAG, '').trim() === '') at -= 1;
  if (at === 0) at = lines.length; // a post of only hashtags: add at the end
  const before = lines.slice(0, at).join('\n').trimEnd();
  const after = lines.slice(at).join('\n');
  return [before, line, after].filter((p) => p !== '').join('\n\n');
}

function moveFirstLineLinksToEnd(text: string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.trim() !== '');
  if (index < 0) return text;
  const links = lines[index]!.match(LINK) ?? [];
  lines[index] = lines[index]!.replace(LINK, '').replace(/[\s:–—-]+$/u, '');
  const body = tidy(lines.join('\n'));
  return appendLine(body, links.join('\n'));
}

function replaceLinksWithBio(text: string): string {
  const without = tidy(text.replace(LINK, '').replace(/\(\s*\)/gu, ''));
  return /link in (?:my )?bio/iu.test(without) ? without : appendLine(without, 'Link in bio.');
}

function removeSpamPhrases(text: string): string {
  const replacements = new Map(SPAM_PHRASES.map((p) => [p.phrase.toLowerCase(), p.replacement]));
  const replaced = text.replace(
    SPAM_PATTERN,
    (match) => replacements.get(match.toLowerCase().replace(/’/gu, "'")) ?? '',
  );
  return capitalizeLineStarts(tidy(replaced));
}

/** A caps word becomes lower case, or capitalised where a sentence starts. Acronyms stay. */
function lowerShouting(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])[A-Z][A-Z0-9]{3,}(?![\p{L}\p{N}])/gu, (word, offset: number, whole: string) => {
    if (ACRONYMS.has(word)) return word;
    const before = whole.slice(0, offset);
    const startsSentence = /(?:^|[.!?]\s+|\n\s*)$/u.test(before);
    const lower = word.toLowerCase();
    return startsSentence ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
  });
}

function capitalizeLineStarts(text: string): string {
  return text.replace(/(^|[.!?]\s+|\n)(\p{Ll})/gu, (_m, lead: string, letter: string) => lead + letter.toUpperCase());
}
