/**
 * Extended grapheme clusters (what a reader sees as one character: "e\u0301", a flag, a ZWJ family)
 * via `Intl.Segmenter`, available in Node 16+ and every Chromium. Grapheme segmentation does not
 * depend on the locale, so one shared instance serves all calls.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The grapheme clusters of `text`, in order. */
export function* graphemes(text: string): Generator<string, void, undefined> {
  for (const { segment } of segmenter.segment(text)) yield segment;
}

export function graphemeLength(text: string): number {
  let count = 0;
  const iterator = segmenter.segment(text)[Symbol.iterator]();
  while (!iterator.next().done) count++;
  return count;
}
