/** Longest tag the contract accepts (tagSchema). */
export const MAX_TAG_LENGTH = 64;
export const MAX_TAGS = 50;

export interface ParsedTags {
  /** Valid tags, in typed order, without leading "#", duplicates (any case) removed. */
  tags: string[];
  /** Why some of what was typed will not be saved, if anything. */
  problem: string | null;
}

/** "launch, #Video  launch tips" -> ["launch", "Video", "tips"]; commas and spaces separate. */
export function parseTags(text: string): ParsedTags {
  const seen = new Set<string>();
  const tags: string[] = [];
  let tooLong = 0;
  for (const raw of text.split(/[\s,]+/u)) {
    const tag = raw.replace(/^#+/u, '');
    if (!tag) continue;
    if (tag.length > MAX_TAG_LENGTH) {
      tooLong += 1;
      continue;
    }
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  const problems: string[] = [];
  if (tooLong > 0) problems.push(`A tag has at most ${MAX_TAG_LENGTH} characters; longer ones are not saved`);
  if (tags.length > MAX_TAGS) problems.push(`At most ${MAX_TAGS} tags; the rest are not saved`);
  return { tags: tags.slice(0, MAX_TAGS), problem: problems.length > 0 ? problems.join('. ') : null };
}

/** The text shown for saved tags. */
export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
