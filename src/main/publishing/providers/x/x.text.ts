import { extractUrlsWithIndices } from '../../../../shared/platforms/twitter-text';

/**
 * A comparison key for a post's text as X returns it: X shows every link (with or without a
 * scheme, as twitter-text finds them) as a t.co link, adds one for attached media, and escapes
 * `&`, `<`, `>`; so links are dropped and entities decoded on both sides.
 */
export function xMatchKey(text: string): string {
  const decoded = text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  let withoutLinks = decoded;
  for (const { indices } of [...extractUrlsWithIndices(decoded, true)].reverse()) {
    withoutLinks = `${withoutLinks.slice(0, indices[0])} ${withoutLinks.slice(indices[1])}`;
  }
  return withoutLinks.normalize('NFC').replace(/\s+/g, ' ').trim();
}
