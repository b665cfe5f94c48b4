import { extractUrlsWithIndices } from '../twitter-text';

/**
 * Where text may be cut. Every cut point avoids the inside of a URL (found as twitter-text finds
 * them, with or without a protocol), so a link always stays whole in one post.
 */

const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** [start, end) ranges of the URLs in `text`, in UTF-16 indices. */
export function urlRanges(text: string): Array<readonly [number, number]> {
  return extractUrlsWithIndices(text, true).map(({ indices }) => indices);
}

function insideAny(index: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.some(([start, end]) => index > start && index < end);
}

/**
 * The sentences of `text` (Intl.Segmenter), each with the whitespace that follows it, so joining
 * them gives the text back. A boundary inside a URL (`example.com/a. b` can fool the segmenter) is
 * not a boundary.
 */
export function sentences(text: string): string[] {
  const urls = urlRanges(text);
  const result: string[] = [];
  let current = '';
  let offset = 0;
  for (const { segment } of sentenceSegmenter.segment(text)) {
    current += segment;
    offset += segment.length;
    if (!insideAny(offset, urls)) {
      result.push(current);
      current = '';
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** How finely a too-long run of text may be cut, coarsest first. */
export type CutLevel = 'whitespace' | 'word' | 'grapheme';
export const CUT_LEVELS: readonly CutLevel[] = ['whitespace', 'word', 'grapheme'];

function segmentEnds(segmenter: Intl.Segmenter, text: string): number[] {
  const ends: number[] = [];
  for (const { index, segment } of segmenter.segment(text)) ends.push(index + segment.length);
  return ends;
}

/**
 * Indices (ascending, between 0 and the length, exclusive) where `text` may be cut at `level`:
 * after whitespace (before the next word), at a word boundary (CJK has no spaces; the segmenter
 * knows its words), or between graphemes (never inside an emoji sequence). Never inside a URL.
 */
export function cutPoints(text: string, level: CutLevel): number[] {
  const urls = urlRanges(text);
  let points: number[];
  if (level === 'whitespace') {
    points = [];
    for (const match of text.matchAll(/\s+/gu)) points.push(match.index + match[0].length);
  } else {
    points = segmentEnds(level === 'word' ? wordSegmenter : graphemeSegmenter, text);
  }
  return points.filter((point) => point > 0 && point < text.length && !insideAny(point, urls));
}
