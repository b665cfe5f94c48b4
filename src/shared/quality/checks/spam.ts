import type { CheckContext, CheckOutcome } from '../context';
import type { Finding } from '../finding';
import { ACRONYMS, SPAM_PATTERN } from '../phrases';
import { proseOf } from '../text-features';

/** An all-caps Latin word of 4+ letters (digits allowed inside, as in "B2B2C"). */
const CAPS_WORD = /(?<![\p{L}\p{N}])[A-Z][A-Z0-9]{3,}(?![\p{L}\p{N}])/gu;
/** Two or more "!" in a row (or mixed with "?"). */
const EXCLAMATIONS = /![!?]*!/u;
/** The whole run of "!" and "?" around such a pair, for the fix to replace. */
export const EXCLAMATION_RUN = /[!?]*![!?]*![!?]*/gu;

/** Spammy phrases (resources/quality-spam-phrases.json) found in the text, each once, lower case. */
export function spamPhrasesIn(text: string, prose = proseOf(text)): string[] {
  const found = new Set<string>();
  for (const match of prose.matchAll(SPAM_PATTERN)) found.add(match[0].toLowerCase());
  return [...found];
}

/** Shouting words that are not known acronyms. */
export function capsWordsIn(text: string, prose = proseOf(text)): string[] {
  return (prose.match(CAPS_WORD) ?? []).filter((w) => !ACRONYMS.has(w));
}

/** Spammy phrases, all-caps shouting and "!!!": each its own finding, each with an automatic fix. */
export function spamCheck(ctx: CheckContext): CheckOutcome {
  const findings: Finding[] = [];
  const phrases = spamPhrasesIn(ctx.text, ctx.prose);
  if (phrases.length > 0) {
    findings.push({
      id: 'spam-phrases',
      check: 'spam',
      severity: 'warning',
      message: `Reads like spam: ${phrases.map((p) => `"${p}"`).join(', ')}.`,
      penalty: Math.min(18, 6 * phrases.length),
      fix: { kind: 'auto', label: 'Remove the spammy phrases' },
    });
  }
  const caps = capsWordsIn(ctx.text, ctx.prose);
  if (caps.length > 0) {
    findings.push({
      id: 'spam-caps',
      check: 'spam',
      severity: 'tip',
      message: `All-caps words read as shouting: ${[...new Set(caps)].slice(0, 5).join(', ')}.`,
      penalty: 4,
      fix: { kind: 'auto', label: 'Use normal capitals' },
    });
  }
  if (EXCLAMATIONS.test(ctx.prose)) {
    findings.push({
      id: 'spam-exclamations',
      check: 'spam',
      severity: 'tip',
      message: 'Several exclamation marks in a row look like hype: one is enough.',
      penalty: 4,
      fix: { kind: 'auto', label: 'Use a single exclamation mark' },
    });
  }
  return { findings };
}
