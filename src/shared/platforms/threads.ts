import { graphemes } from './graphemes';
import { utf8ByteLength } from './text-units';
import { extractUrlsWithIndices } from './twitter-text';

/** A grapheme that is (or contains) an emoji: pictographs, flags (regional indicators), keycaps. */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/**
 * Threads' length (Threads API, "Posts"): 500 characters, where "emojis are counted as the number of
 * UTF-8 bytes" (😆 is 4, a ZWJ family 25). Other text counts UTF-16 code units. URLs count their full
 * length.
 */
export function threadsLength(text: string): number {
  let length = 0;
  for (const grapheme of graphemes(text)) {
    length += EMOJI.test(grapheme) ? utf8ByteLength(grapheme) : grapheme.length;
  }
  return length;
}

/**
 * Distinct links in the text, as Threads counts them for its 5-link limit ("all unique URLs found in
 * the text field"), including links written without a protocol (www.example.com).
 */
export function threadsLinkCount(text: string): number {
  return new Set(extractUrlsWithIndices(text, true).map(({ url }) => url)).size;
}
