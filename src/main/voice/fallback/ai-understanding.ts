import { PLATFORMS } from '../../../shared/domain/platform';
import { type VoiceIntent, type VoiceLanguage, VOICE_PAGES, voiceIntentSchema } from '../../../shared/domain/voice';
import type { LlmService } from '../../llm/llm.service';
import type { Logger } from '../../platform/logger/logger';
import { ACTION_EXAMPLES } from '../intents';

/** Actions the model may pick (yes/no answers are the grammar's: a model never confirms anything). */
const AI_ACTIONS = [
  'draft.create',
  'draft.shorten',
  'draft.read-back',
  'post.schedule',
  'post.publish-now',
  'post.delete',
  'analytics.last-post',
  'coach.goal-status',
  'app.navigate',
  'voice.help',
] as const;

/**
 * A flat object per intent (action plus the fields some actions take) rather than a oneOf: small
 * local models follow it far more reliably, and each answer is validated with voiceIntentSchema.
 */
export const INTENTS_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: {
    understood: { type: 'boolean' },
    intents: {
      type: 'array',
      maxItems: 3,
      items: {
        type: 'object',
        properties: {
          action: { type: 'string', enum: [...AI_ACTIONS] },
          topic: { type: 'string' },
          platform: { type: ['string', 'null'], enum: [...PLATFORMS, null] },
          at: { type: 'string', description: 'ISO 8601 date-time with offset' },
          spoken: { type: 'string' },
          page: { type: 'string', enum: [...VOICE_PAGES] },
        },
        required: ['action'],
      },
    },
  },
  required: ['understood', 'intents'],
};

const FIELDS: Record<(typeof AI_ACTIONS)[number], string[]> = {
  'draft.create': ['topic', 'platform'],
  'draft.shorten': [],
  'draft.read-back': [],
  'post.schedule': ['at', 'spoken'],
  'post.publish-now': [],
  'post.delete': [],
  'analytics.last-post': [],
  'coach.goal-status': [],
  'app.navigate': ['page'],
  'voice.help': [],
};

export interface AiUnderstandingInput {
  transcript: string;
  language: VoiceLanguage;
  now: Date;
  timeZone: string;
  signal?: AbortSignal | undefined;
}

/**
 * The AI engine's reading of a command the grammar did not understand, through the
 * 'classification' chain with a JSON schema. Null when no engine answers, the answer cannot be read,
 * or the model says it did not understand: nothing is ever guessed into an action.
 */
export async function understandWithAi(
  llm: LlmService,
  logger: Logger,
  input: AiUnderstandingInput,
): Promise<VoiceIntent[] | null> {
  let text: string;
  try {
    const generation = await llm.generate(
      {
        task: 'classification',
        system: systemPrompt(input),
        prompt: `Command: """${input.transcript}"""`,
        maxTokens: 300,
        temperature: 0,
        jsonSchema: INTENTS_JSON_SCHEMA,
      },
      input.signal,
    );
    if (generation.finishReason === 'cancelled') return null;
    text = generation.text;
  } catch (error) {
    logger.info({ err: error }, 'voice: no AI engine answered for a command the grammar did not understand');
    return null;
  }
  return readIntents(text);
}

/** The intents in a model's answer, each validated; null when any of them is not a valid intent. */
export function readIntents(answer: string): VoiceIntent[] | null {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/u.exec(answer);
  const body = (fenced ? fenced[1]! : answer).trim();
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.slice(start, end + 1));
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const { understood, intents } = parsed as { understood?: unknown; intents?: unknown };
  if (understood !== true || !Array.isArray(intents) || intents.length === 0 || intents.length > 3) return null;
  const out: VoiceIntent[] = [];
  for (const raw of intents) {
    if (!raw || typeof raw !== 'object') return null;
    const action = (raw as { action?: unknown }).action;
    if (typeof action !== 'string' || !(action in FIELDS)) return null;
    // Only the fields this action takes: models add empty extras, which the strict schema refuses.
    const picked: Record<string, unknown> = { action };
    for (const field of FIELDS[action as keyof typeof FIELDS]) {
      const value = (raw as Record<string, unknown>)[field];
      if (value !== undefined) picked[field] = value;
    }
    if (action === 'draft.create' && picked.platform === undefined) picked.platform = null;
    if (action === 'post.schedule' && picked.spoken === undefined) picked.spoken = '';
    const intent = voiceIntentSchema.safeParse(picked);
    if (!intent.success) return null;
    out.push(intent.data);
  }
  return out;
}

function systemPrompt(input: AiUnderstandingInput): string {
  const lines = AI_ACTIONS.map((action) => {
    const examples = ACTION_EXAMPLES[action]?.[input.language] ?? ACTION_EXAMPLES[action]?.en ?? [];
    return `- ${action}${
      examples.length > 0
        ? `: e.g. ${examples
            .slice(0, 2)
            .map((e) => `"${e}"`)
            .join(', ')}`
        : ''
    }`;
  });
  return [
    'You map a spoken command for Cadence, a social-media studio, to its actions. Answer with JSON only.',
    `Actions:\n${lines.join('\n')}`,
    'draft.create takes "topic" (what the post is about) and "platform" (or null). post.schedule takes "at" ' +
      '(ISO 8601 with offset) and "spoken" (the words for the time). app.navigate takes "page".',
    `Now is ${input.now.toISOString()}; the creator's time zone is ${input.timeZone}. The command is in ${input.language === 'es' ? 'Spanish' : 'English'}.`,
    'If the command is not one of these actions, answer {"understood": false, "intents": []}. Never invent an action.',
  ].join('\n\n');
}
