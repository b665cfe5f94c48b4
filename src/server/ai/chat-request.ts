import { z } from 'zod';

/** What a completion may produce when the caller does not say; also the reservation's ceiling then. */
export const DEFAULT_MAX_TOKENS = 4_096;
/** The largest answer one request may reserve: bigger asks are refused before anything is spent. */
export const MAX_TOKENS_CEILING = 128_000;
/** Asking for this model means "whatever the service offers", so apps need not know the server's choice. */
export const DEFAULT_MODEL_ALIAS = 'default';

const contentSchema = z.union([z.string(), z.array(z.unknown()), z.null()]);

const messageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: contentSchema.optional(),
});

const maxTokensSchema = z.number().int().min(1).max(MAX_TOKENS_CEILING);

/**
 * POST /v1/ai/chat/completions: the OpenAI Chat Completions body. The fields the proxy relies on
 * (model, messages, token limits, streaming, n) are checked; other parameters (temperature,
 * response_format, …) pass through for the upstream to judge. `n` is held at 1 because the
 * reservation covers one answer.
 */
export const chatRequestSchema = z.looseObject({
  model: z.string().trim().min(1).max(200),
  messages: z.array(messageSchema).min(1).max(2_000),
  max_tokens: maxTokensSchema.nullish(),
  max_completion_tokens: maxTokensSchema.nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  n: z.literal(1, 'Only one answer per request (n = 1) is offered.').nullish(),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** The answer's token limit the request asked for, or the default the proxy then sends. */
export function requestedMaxTokens(body: ChatRequest): number {
  return body.max_completion_tokens ?? body.max_tokens ?? DEFAULT_MAX_TOKENS;
}

/**
 * A deliberately high guess of the prompt's tokens (three characters per token plus framing per
 * message, images at a flat 1,000): the reservation must not come in under the real count, and
 * whatever it over-reserves is refunded when the upstream reports its usage.
 */
export function estimatePromptTokens(body: ChatRequest): number {
  let tokens = 3;
  for (const message of body.messages) {
    tokens += 4;
    const { content } = message;
    if (typeof content === 'string') tokens += Math.ceil(content.length / 3);
    else if (Array.isArray(content)) {
      for (const part of content) {
        const text = (part as { text?: unknown } | null)?.text;
        tokens += typeof text === 'string' ? Math.ceil(text.length / 3) : 1_000;
      }
    }
  }
  return tokens;
}

/**
 * The body sent upstream: the service's model, a token limit always present (so the answer cannot
 * outgrow the reservation), and usage always reported on streams (so the meter can settle).
 */
export function upstreamBody(body: ChatRequest, model: string): Record<string, unknown> {
  const limit =
    body.max_tokens === undefined || body.max_tokens === null
      ? { max_completion_tokens: requestedMaxTokens(body) }
      : {};
  const stream = body.stream === true;
  return {
    ...body,
    model,
    ...limit,
    ...(stream ? { stream_options: { ...body.stream_options, include_usage: true } } : {}),
  };
}
