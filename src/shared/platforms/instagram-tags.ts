/**
 * Hashtags and @mentions as Instagram recognises them, for its per-caption limits. Every occurrence
 * counts (a repeated tag is counted twice): the cautious reading of "30 hashtags".
 */

/** `#` (or fullwidth `＃`) not glued to a preceding word, then letters, marks, digits or `_`. */
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&])[#\uFF03][\p{L}\p{M}\p{N}_]+/gu;

/** `@username`: letters, digits, `_` and inner `.`, not glued to a preceding word (so not an email). */
const MENTION = /(?<![\p{L}\p{M}\p{N}_.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?/gu;

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export function instagramHashtagCount(text: string): number {
  return countMatches(text, HASHTAG);
}

export function instagramMentionCount(text: string): number {
  return countMatches(text, MENTION);
}
