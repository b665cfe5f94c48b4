import type { DataUsed } from '../../../shared/domain/coach';
import { factsBlock } from './plan-facts';

export const COACH_SYSTEM = [
  "You are the success coach inside Cadence, a creator's planning app.",
  'Write a short, warm, specific coaching message for today (at most 4 sentences) and one suggested post the creator could publish today.',
  'Use ONLY the facts given. Never invent numbers, followers, results or quotes. If a fact says there is no data, do not guess.',
  'The suggested post is the post text itself, in the creator’s voice, ready to edit; no hashtags unless the facts suggest them.',
  'Answer as JSON: {"message": string, "post": string}.',
].join('\n');

export const COACH_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: { message: { type: 'string' }, post: { type: 'string' } },
  required: ['message', 'post'],
  additionalProperties: false,
};

/** The prompt: every figure the plan uses, so the model writes from exactly that data. */
export function coachPrompt(input: {
  niche: string;
  data: readonly DataUsed[];
  idea: { title: string; body: string } | null;
}): string {
  const idea = input.idea
    ? `\nThe backlog idea to build today's post on:\nTitle: ${input.idea.title}\n${input.idea.body ? `Notes: ${input.idea.body.slice(0, 1500)}` : ''}`
    : '\nThere is no idea in the backlog; suggest a post that fits the niche and the format.';
  return `The creator's niche: ${input.niche}\n\nToday's facts:\n${factsBlock(input.data)}\n${idea}\n\nWrite the coaching message and the suggested post.`;
}

/** Reads the model's answer; tolerates a fenced or chatty reply around the JSON object. */
export function parseCoachAnswer(text: string): { message: string; post: string } | null {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  try {
    const value = JSON.parse(text.slice(start, end + 1)) as { message?: unknown; post?: unknown };
    if (typeof value.message !== 'string' || typeof value.post !== 'string') return null;
    const message = value.message.trim();
    const post = value.post.trim();
    return message && post ? { message, post } : null;
  } catch {
    return null;
  }
}
