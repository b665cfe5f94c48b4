import { sentences } from './segments';

/** Two sentences share a paragraph only when together they stay this short (UTF-16 units). */
const TWO_SENTENCE_MAX = 200;

function paragraphSentences(paragraph: string): string[] {
  return sentences(paragraph)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** Prose as paragraphs of one or two sentences (two only when they are short together). */
function shortParagraphs(paragraph: string): string[] {
  const result: string[] = [];
  let pending: string | undefined;
  for (const sentence of paragraphSentences(paragraph)) {
    if (pending === undefined) pending = sentence;
    else if (pending.length + 1 + sentence.length <= TWO_SENTENCE_MAX) {
      result.push(`${pending} ${sentence}`);
      pending = undefined;
    } else {
      result.push(pending);
      pending = sentence;
    }
  }
  if (pending !== undefined) result.push(pending);
  return result;
}

/**
 * LinkedIn's reading pattern: a hook (the first sentence) alone on the first line, a blank line,
 * then short paragraphs of one or two sentences. Paragraphs the creator already broke into lines
 * (lists, signatures) are kept as written.
 */
export function linkedinLayout(text: string): string {
  const paragraphs = text
    .split(/\n[ \t]*\n/u)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
  const out: string[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.includes('\n')) {
      out.push(paragraph);
      return;
    }
    if (index === 0) {
      const [hook, ...rest] = paragraphSentences(paragraph);
      if (hook !== undefined) out.push(hook);
      if (rest.length > 0) out.push(...shortParagraphs(rest.join(' ')));
      return;
    }
    out.push(...shortParagraphs(paragraph));
  });
  return out.join('\n\n');
}
