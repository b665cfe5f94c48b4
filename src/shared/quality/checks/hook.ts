import type { CheckContext, CheckOutcome } from '../context';
import { HOOK_WORD, NUMBER_WORD, WEAK_OPENER } from '../phrases';
import { proseOf } from '../text-features';

/** A digit, or a number written as a word ("three", "first"). */
const DIGIT = /\p{N}/u;
/** A story opener: the line starts with I / I'm / I've / My / We / Last / When / Yesterday. */
const STORY_OPENER = /^(?:I|I['’]m|I['’]ve|I['’]d|My|We|Last|When|Yesterday|Once)\b/u;

/** What kind of hook the first line has, or null for none. */
export function hookKind(line: string): 'question' | 'number' | 'claim' | 'story' | null {
  const prose = proseOf(line).trim();
  if (prose === '') return null;
  if (/[?？]/u.test(prose)) return 'question';
  if (DIGIT.test(prose) || NUMBER_WORD.test(prose)) return 'number';
  if (STORY_OPENER.test(prose)) return 'story';
  if (HOOK_WORD.test(prose) || /!$/u.test(prose)) return 'claim';
  return null;
}

/** The first line must earn the "…more" tap: a weak opener is a warning, no hook at all a tip. */
export function hookCheck(ctx: CheckContext): CheckOutcome {
  const line = ctx.firstLine;
  if (proseOf(line).trim() === '') return { skipped: 'No text in the first line' };
  if (WEAK_OPENER.test(line)) {
    return {
      findings: [
        {
          id: 'hook-weak',
          check: 'hook',
          severity: 'warning',
          message: `The first line opens weakly ("${line.slice(0, 40)}"): lead with the point, a question or a number.`,
          penalty: 10,
          fix: { kind: 'ai', label: 'Rewrite the first line with the AI' },
        },
      ],
    };
  }
  if (hookKind(line) !== null) return { findings: [] };
  return {
    findings: [
      {
        id: 'hook-missing',
        check: 'hook',
        severity: 'tip',
        message: 'The first line has no hook: try a question, a number, a bold claim, "how to" or a story opener.',
        penalty: 6,
        fix: { kind: 'ai', label: 'Write a hook with the AI' },
      },
    ],
  };
}
