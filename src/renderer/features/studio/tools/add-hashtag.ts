/** A line made only of hashtags ("#bread #baking"). */
const TAG_LINE = /^(?:#[\p{L}\p{N}_]+\s*)+$/u;

/** True when the body already has the tag (case-insensitive, whole tag). */
export function hasHashtag(body: string, tag: string): boolean {
  const name = tag.replace(/^#/u, '').toLowerCase();
  return [...body.matchAll(/#([\p{L}\p{N}_]+)/gu)].some((m) => m[1]!.toLowerCase() === name);
}

/**
 * Adds `#tag` to the post: onto the closing line of hashtags when there is one, else on a new
 * line after a blank one. A tag already there is not added twice.
 */
export function addHashtag(body: string, tag: string): string {
  const name = tag.replace(/^#/u, '').trim();
  if (!name || hasHashtag(body, name)) return body;
  const kept = body.replace(/\s+$/u, '');
  if (!kept) return `#${name}`;
  const lines = kept.split('\n');
  const last = lines.at(-1)!;
  if (TAG_LINE.test(last.trim())) {
    lines[lines.length - 1] = `${last} #${name}`;
    return lines.join('\n');
  }
  return `${kept}\n\n#${name}`;
}
