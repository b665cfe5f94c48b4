import { graphemeLength } from './graphemes';
import { extractUrlsWithIndices } from './twitter-text';

/** Mastodon's StatusLengthValidator: any URL counts as this many characters. */
export const MASTODON_URL_LENGTH = 23;

/**
 * Account::MENTION_RE: `@user` or `@user@domain`, not preceded by `=`, `/` or a word character.
 * Group 1 is the local username, group 2 the `@domain` part. `[[:word:]]` in Ruby is Unicode
 * letters, marks, numbers and connector punctuation.
 */
const MENTION =
  /(?<![=/\p{L}\p{M}\p{N}\p{Pc}])@([A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*)(@[\p{L}\p{M}\p{N}\p{Pc}]+(?:[.-]+[\p{L}\p{M}\p{N}\p{Pc}]+)*)?/gu;

/** twitter-text's end_mention_match: what may not follow a mention (another @, a Latin accent, ://). */
const INVALID_AFTER_MENTION =
  /^(?:[@\uFF20]|[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u1E00-\u1EFF]|[\u0300-\u036F]|:\/\/)/u;

interface Rewrite {
  start: number;
  end: number;
  replacement: string;
}

function urlRewrites(text: string): Rewrite[] {
  // The server extracts only links with a protocol (extract_url_without_protocol: false).
  return extractUrlsWithIndices(text, false).map(({ indices: [start, end] }) => ({
    start,
    end,
    replacement: 'x'.repeat(MASTODON_URL_LENGTH),
  }));
}

function mentionRewrites(text: string): Rewrite[] {
  const rewrites: Rewrite[] = [];
  for (const match of text.matchAll(MENTION)) {
    const [whole, username] = match;
    if (username === undefined) continue;
    const end = match.index + whole.length;
    if (INVALID_AFTER_MENTION.test(text.slice(end, end + 3))) continue;
    rewrites.push({ start: match.index, end, replacement: `@${username}` });
  }
  return rewrites;
}

/**
 * The text Mastodon measures: each URL becomes 23 characters and each remote mention `@user@domain`
 * becomes `@user`. Overlaps are resolved as twitter-text's remove_overlapping_entities does: by
 * start position, the earlier entity wins.
 */
export function mastodonCountableText(text: string): string {
  // The server counts blank text as empty (`return '' if str.blank?`).
  if (/^\s*$/u.test(text)) return '';
  const rewrites = [...urlRewrites(text), ...mentionRewrites(text)].sort((a, b) => a.start - b.start);
  let result = '';
  let cursor = 0;
  for (const rewrite of rewrites) {
    if (rewrite.start < cursor) continue;
    result += text.slice(cursor, rewrite.start) + rewrite.replacement;
    cursor = rewrite.end;
  }
  return result + text.slice(cursor);
}

/**
 * Mastodon's length: grapheme clusters of the countable text, as the server counts
 * (`each_grapheme_cluster.size`); its web composer counts the same way. A content warning counts
 * too: pass it as `contentWarning`.
 */
export function mastodonLength(text: string, contentWarning = ''): number {
  return graphemeLength(contentWarning) + graphemeLength(mastodonCountableText(text));
}
