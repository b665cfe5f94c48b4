/**
 * LinkedIn's Posts API reads `commentary` in the "little" text format: `\ | { } @ [ ] ( ) < > # * _ ~`
 * are reserved and must be backslash-escaped to stay plain text (unescaped, LinkedIn may cut the post
 * at the first one). Links are left as they are so they still link, and `#tag` stays a hashtag.
 */
const RESERVED = new Set(['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~']);
const URL_PATTERN = /https?:\/\/[^\s<>()[\]{}|\\]+/g;

export function escapeLittleText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escapePlain(text.slice(last, match.index));
    out += match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(last));
}

function escapePlain(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    const hashtag =
      char === '#' && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '') && !/[\p{L}\p{N}_]/u.test(text[i - 1] ?? '');
    out += RESERVED.has(char) && !hashtag ? `\\${char}` : char;
  }
  return out;
}

/** The plain text of escaped commentary (escapes dropped), for matching a post LinkedIn returns. */
export function unescapeLittleText(text: string): string {
  return text.replace(/\\(.)/gsu, '$1');
}

/** LinkedIn counts commentary in characters (code points) of the text as written, 3000 at most. */
export function linkedInLength(text: string): number {
  return [...text].length;
}

export function linkedInMatchKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
