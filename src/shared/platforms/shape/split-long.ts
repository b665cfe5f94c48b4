import { CUT_LEVELS, cutPoints } from './segments';

/** Whether a piece of text fits one post (the platform's counter, limits and any reserve). */
export type Fits = (text: string) => boolean;

/** The largest point whose trimmed prefix fits, by binary search (lengths grow with the prefix). */
function largestFitting(text: string, points: number[], fits: Fits): number | undefined {
  let low = 0;
  let high = points.length - 1;
  let best: number | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const point = points[middle]!;
    const prefix = text.slice(0, point).trim();
    if (prefix.length > 0 && fits(prefix)) {
      best = point;
      low = middle + 1;
    } else high = middle - 1;
  }
  return best;
}

/**
 * Where to cut `text` so the first piece fits: at the last whitespace that fits, else at a word
 * boundary (CJK), else between graphemes. When even the first unbreakable run (a URL longer than a
 * post) does not fit, it is cut after that run and `overflow` is true: a link is never broken.
 */
export function bestCut(text: string, fits: Fits): { cut: number; overflow: boolean } {
  for (const level of CUT_LEVELS) {
    const cut = largestFitting(text, cutPoints(text, level), fits);
    if (cut !== undefined) return { cut, overflow: false };
  }
  const first = cutPoints(text, 'grapheme')[0] ?? text.length;
  return { cut: first, overflow: true };
}

/** Cuts `text` into pieces that each fit (except an unbreakable run that cannot), in order. */
export function splitLong(text: string, fits: Fits): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > 0 && !fits(rest)) {
    const { cut } = bestCut(rest, fits);
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

export const ELLIPSIS = '…';

/**
 * `text` unchanged when it fits; otherwise cut after the last word that leaves room for
 * an ellipsis. Returns how many UTF-16 units were dropped (0 when it fitted).
 */
export function truncateToFit(text: string, fits: Fits): { text: string; dropped: number } {
  if (fits(text)) return { text, dropped: 0 };
  const withEllipsis: Fits = (prefix) => fits(`${prefix}${ELLIPSIS}`);
  const { cut } = bestCut(text, withEllipsis);
  const kept = text.slice(0, cut).trimEnd();
  return { text: `${kept}${ELLIPSIS}`, dropped: text.length - kept.length };
}
