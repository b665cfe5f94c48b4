import type { CheckContext, CheckOutcome } from '../context';
import { CTA_PHRASE } from '../phrases';
import { proseOf } from '../text-features';

const QUESTION = /[?？]/u;
const QUESTION_TO_READER = /\byou(?:r|rs|'re|’re)?\b[^.!?]*\?/iu;

/** True when the text asks the reader to do something or asks them a question. */
export function hasCallToAction(text: string, prose = proseOf(text)): boolean {
  if (CTA_PHRASE.test(prose)) return true;
  // A question after the first line (the first line's question is the hook), or one to "you".
  const lines = prose
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.slice(1).some((l) => QUESTION.test(l)) || lines.some((l) => QUESTION_TO_READER.test(l));
}

/** No call to action: a tip with a deterministic fix that appends one line. */
export function ctaCheck(ctx: CheckContext): CheckOutcome {
  if (hasCallToAction(ctx.text, ctx.prose)) return { findings: [] };
  return {
    findings: [
      {
        id: 'cta-missing',
        check: 'cta',
        severity: 'tip',
        message: 'No call to action: ask a question or tell readers what to do next (comment, share, follow…).',
        penalty: 5,
        fix: { kind: 'auto', label: 'Add a closing question' },
      },
    ],
  };
}
