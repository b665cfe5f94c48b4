import { sentences } from './segments';
import { type Fits, splitLong } from './split-long';

/** A line holding only "k/n" at the end of a part: numbering from an earlier shaping, redone each time. */
const TRAILING_NUMBERING = /\n[ \t]*\d{1,3}\/\d{1,3}[ \t]*$/u;

/** The part without a numbering line it already carries (so shaping twice gives the same thread). */
export function stripNumbering(part: string): string {
  const stripped = part.trimEnd().replace(TRAILING_NUMBERING, '').trimEnd();
  return stripped.length > 0 ? stripped : part.trim();
}

/**
 * Packs one run of text into as few posts as fit: whole sentences while they fit, a sentence longer
 * than a post cut at words (never inside a URL). The whitespace between sentences (line breaks
 * included) is kept inside a post and dropped at the edges.
 */
function packText(text: string, fits: Fits): string[] {
  const units: string[] = [];
  for (const sentence of sentences(text)) {
    if (sentence.trim().length === 0) {
      if (units.length > 0) units[units.length - 1] += sentence;
      continue;
    }
    if (fits(sentence.trim())) {
      units.push(sentence);
      continue;
    }
    const trailing = /\s*$/u.exec(sentence)?.[0] ?? '';
    const pieces = splitLong(sentence, fits);
    pieces.forEach((piece, i) => units.push(piece + (i === pieces.length - 1 ? trailing : ' ')));
  }
  const posts: string[] = [];
  let current = '';
  for (const unit of units) {
    const candidate = current + unit;
    if (current.length === 0 || fits(candidate.trim())) current = candidate;
    else {
      posts.push(current.trim());
      current = unit;
    }
  }
  if (current.trim().length > 0) posts.push(current.trim());
  return posts;
}

/** The numbering line added to part `index` (0-based) of `total`. */
export function numberingSuffix(index: number, total: number): string {
  return `\n\n${index + 1}/${total}`;
}

/**
 * Shapes a thread: each of the creator's own parts is kept as a post of its own and cut further
 * only when too long. With `numbered`, parts get "1/n" … "n/n" when there is more than one; the room
 * for the number is reserved before packing, and packing is redone if n gains a digit.
 */
export function packThread(parts: readonly string[], fits: Fits, numbered: boolean): string[] {
  const clean = parts.map(stripNumbering).filter((part) => part.length > 0);
  const packAll = (fitsPart: Fits): string[] => clean.flatMap((part) => packText(part, fitsPart));

  const plain = packAll(fits);
  if (!numbered || plain.length <= 1) return plain;

  let digits = String(plain.length).length;
  for (;;) {
    const widest = `\n\n${'9'.repeat(digits)}/${'9'.repeat(digits)}`;
    const posts = packAll((text) => fits(text + widest));
    const needed = String(posts.length).length;
    if (needed <= digits) return posts.map((post, i) => post + numberingSuffix(i, posts.length));
    digits = needed;
  }
}
