/**
 * Hashtags as Instagram (and most platforms) recognise them: `#` (or fullwidth `＃`) not glued to a
 * preceding word, then letters, marks, digits or `_`. Same pattern as ../instagram-tags.ts, which
 * counts them; here they are also moved and collected.
 */
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&])[#\uFF03][\p{L}\p{M}\p{N}_]+/gu;
const ONLY_HASHTAGS = /^(?:\s*(?<![\p{L}\p{M}\p{N}_&])[#\uFF03][\p{L}\p{M}\p{N}_]+)+\s*$/u;

/** Every hashtag in `text`, in order, as written (with its `#`). */
export function hashtagsIn(text: string): string[] {
  return text.match(HASHTAG) ?? [];
}

/** `tag` as `#tag`: a missing `#` added, a fullwidth one made plain; null when it is not a hashtag. */
export function normalizeHashtag(tag: string): string | null {
  const trimmed = tag.trim().replace(/^[#\uFF03]?/u, '#');
  return /^#[\p{L}\p{M}\p{N}_]+$/u.test(trimmed) ? trimmed : null;
}

/** Tags without repeats (case-insensitive), first spelling kept. */
export function uniqueHashtags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags) {
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

/**
 * Splits off the lines that hold nothing but hashtags (a tag block, wherever it sits): the text
 * without them, and their tags in order. Hashtags inside sentences stay where they are.
 */
export function pullHashtagLines(text: string): { body: string; tags: string[] } {
  const tags: string[] = [];
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    if (ONLY_HASHTAGS.test(line)) tags.push(...hashtagsIn(line));
    else kept.push(line);
  }
  return {
    body: kept
      .join('\n')
      .replace(/\n{3,}/gu, '\n\n')
      .trim(),
    tags,
  };
}
