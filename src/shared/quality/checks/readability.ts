import type { CheckContext, CheckOutcome } from '../context';
import { fleschReadingEase } from '../readability';

/** Fewer words than this make the formula meaningless. */
export const MIN_WORDS_FOR_READABILITY = 12;
const HARD = 30;
const FAIRLY_HARD = 50;

/** Readability by Flesch reading ease; skipped for non-Latin scripts and very short posts. */
export function readabilityCheck(ctx: CheckContext): CheckOutcome {
  if (!ctx.latin) {
    return { skipped: 'The reading-ease formula is for Latin-script (English) text; not measured for this script' };
  }
  if (ctx.words.length < MIN_WORDS_FOR_READABILITY) {
    return { skipped: `Too short to measure reading ease (under ${MIN_WORDS_FOR_READABILITY} words)` };
  }
  const ease = readingEaseOf(ctx);
  if (ease === null || ease >= FAIRLY_HARD) return { findings: [] };
  const hard = ease < HARD;
  return {
    findings: [
      {
        id: 'readability',
        check: 'readability',
        severity: hard ? 'warning' : 'tip',
        message: hard
          ? `Hard to read (reading ease ${ease} of 100): use shorter sentences and simpler words.`
          : `Fairly hard to read (reading ease ${ease} of 100): shorter sentences would help.`,
        penalty: hard ? 12 : 6,
        fix: { kind: 'ai', label: 'Simplify with the AI' },
      },
    ],
  };
}

export function readingEaseOf(ctx: CheckContext): number | null {
  return fleschReadingEase({ words: ctx.words, sentences: Math.max(1, ctx.sentences.length) });
}
