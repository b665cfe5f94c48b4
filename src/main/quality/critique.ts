import { z } from 'zod';
import { PLATFORM_LIMITS } from '../../shared/platforms/limits';
import type { Platform } from '../../shared/domain/platform';

/** What the model must answer: its JSON is validated with this before anyone sees it. */
export const modelCritiqueSchema = z.object({
  strengths: z.array(z.string().trim().min(1)).max(10),
  issues: z.array(z.object({ message: z.string().trim().min(1), suggestion: z.string().trim().min(1) })).max(10),
});
export type ModelCritique = z.infer<typeof modelCritiqueSchema>;

/** The same shape as a JSON schema, for providers that constrain their output. */
export const CRITIQUE_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: {
    strengths: { type: 'array', items: { type: 'string' } },
    issues: {
      type: 'array',
      items: {
        type: 'object',
        properties: { message: { type: 'string' }, suggestion: { type: 'string' } },
        required: ['message', 'suggestion'],
      },
    },
  },
  required: ['strengths', 'issues'],
};

export const CRITIQUE_SYSTEM =
  'You are an editor for a solo social-media creator. Judge the post for its platform: hook, clarity, ' +
  'value, tone, call to action. Answer with JSON only: {"strengths": [..], "issues": [{"message": .., "suggestion": ..}]}. ' +
  'At most 5 of each. Never rewrite the whole post.';

export function critiquePrompt(text: string, platform: Platform): string {
  return `Platform: ${PLATFORM_LIMITS[platform].displayName}\n\nPost:\n"""\n${text}\n"""`;
}

/**
 * The critique in the model's answer, or null when it cannot be read. Accepts the JSON object alone
 * or wrapped in a Markdown code fence (small models add one); nothing is guessed beyond that.
 */
export function parseCritique(answer: string): ModelCritique | null {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/u.exec(answer);
  const body = (fenced ? fenced[1]! : answer).trim();
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  try {
    const parsed = modelCritiqueSchema.safeParse(JSON.parse(body.slice(start, end + 1)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
