import { PLATFORM_LIMITS } from '../../shared/platforms/limits';
import type { Platform } from '../../shared/domain/platform';
import type { Finding } from '../../shared/quality/finding';
import { sweetSpotOf } from '../../shared/quality/sweet-spots';

/** What the AI is asked to change, per finding id; anything else gets the finding's own message. */
const INSTRUCTIONS: Record<string, (platform: Platform) => string> = {
  'hook-weak': () =>
    'Rewrite only the first line as a strong hook (a question, a number, a bold claim, "how to" or a story opener). Keep the rest as it is.',
  'hook-missing': () =>
    'Rewrite only the first line as a strong hook (a question, a number, a bold claim, "how to" or a story opener). Keep the rest as it is.',
  readability: () =>
    'Make it easier to read: shorter sentences, plain words. Keep the meaning, the voice and any links or hashtags.',
  'length-short': (p) =>
    `Expand it to about ${sweetSpotOf(p).length.min}–${sweetSpotOf(p).length.max} characters with one concrete detail. Keep the voice.`,
  'length-long': (p) =>
    `Tighten it to about ${sweetSpotOf(p).length.max} characters. Keep the point, the voice, links and hashtags.`,
  duplicate: () =>
    'Reword it so it does not repeat an earlier post word for word: same idea, a fresh angle and new phrasing.',
};

export const REWRITE_SYSTEM =
  "You edit a creator's social-media post. Return only the full edited post text: no preface, no quotes, no notes.";

export function rewritePrompt(text: string, platform: Platform, finding: Finding): string {
  const instruction = INSTRUCTIONS[finding.id]?.(platform) ?? `Fix this: ${finding.message}`;
  const name = PLATFORM_LIMITS[platform].displayName;
  return `Platform: ${name}\nTask: ${instruction}\n\nPost:\n"""\n${text}\n"""`;
}

/** The model's text without a wrapping code fence or quotes it may add. */
export function cleanRewrite(answer: string): string {
  let text = answer.trim();
  const fenced = /^```[a-z]*\n([\s\S]*?)\n?```$/u.exec(text);
  if (fenced) text = fenced[1]!.trim();
  if (text.startsWith('"""') && text.endsWith('"""')) text = text.slice(3, -3).trim();
  return text;
}
