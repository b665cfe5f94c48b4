import { randomUUID } from 'node:crypto';
import type { ChatDialect, ErrorReply, PeerModel } from '../shared/chat-completions-dialect';
import { type ChatPeer, startChatCompletionsPeer } from '../shared/chat-completions-peer';
import type { Fault } from '../shared/peer-server';

/** Protocol peer of GroqCloud's OpenAI-compatible API at /openai/v1. See README.md. */

export const GROQ_PEER_KEY = 'gsk_peer0123456789abcdefGROQ';

export const GROQ_PEER_MODELS: PeerModel[] = [
  { id: 'llama-3.3-70b-versatile', contextWindow: 131_072, ownedBy: 'Meta' },
  { id: 'llama-3.1-8b-instant', contextWindow: 131_072, ownedBy: 'Meta' },
  { id: 'openai/gpt-oss-120b', contextWindow: 131_072, ownedBy: 'OpenAI' },
  { id: 'openai/gpt-oss-20b', contextWindow: 131_072, ownedBy: 'OpenAI' },
];

function error(status: number, message: string, type: string, code?: string, param?: string): ErrorReply {
  return {
    status,
    body: {
      error: { message, type, ...(param === undefined ? {} : { param }), ...(code === undefined ? {} : { code }) },
    },
  };
}

export interface GroqPeerOptions {
  models?: PeerModel[];
  validKeys?: string[];
  /** Off: only `x_groq.usage` carries usage, as Groq streams did before `stream_options`. */
  usageChunk?: boolean;
}

export function groqDialect(options: GroqPeerOptions = {}): ChatDialect {
  return {
    basePath: '/openai/v1',
    models: options.models ?? GROQ_PEER_MODELS,
    validKeys: options.validKeys ?? [GROQ_PEER_KEY],
    requireSchemaName: false,
    usageChunk: options.usageChunk,
    // Groq sends x-ratelimit-* on every response: requests per day and tokens per minute.
    responseHeaders: (n) => ({
      'x-request-id': `req_${randomUUID().replaceAll('-', '')}`,
      'x-ratelimit-limit-requests': '14400',
      'x-ratelimit-limit-tokens': '6000',
      'x-ratelimit-remaining-requests': String(Math.max(0, 14_400 - n)),
      'x-ratelimit-remaining-tokens': '5880',
      'x-ratelimit-reset-requests': '2m59.56s',
      'x-ratelimit-reset-tokens': '1.2s',
    }),
    extraFields: (id, usage) => ({
      x_groq: {
        id: `req_${id.slice(9, 35)}`,
        ...(usage === undefined
          ? {}
          : { usage: { queue_time: 0.01, prompt_time: 0.001, completion_time: 0.02, total_time: 0.031, ...usage } }),
      },
    }),
    errors: {
      missingKey: () => error(401, 'Invalid API Key', 'invalid_request_error', 'invalid_api_key'),
      invalidKey: () => error(401, 'Invalid API Key', 'invalid_request_error', 'invalid_api_key'),
      modelNotFound: (model) =>
        error(
          404,
          `The model \`${model}\` does not exist or you do not have access to it.`,
          'invalid_request_error',
          'model_not_found',
        ),
      invalidRequest: (message, param, code) =>
        error(400, message, 'invalid_request_error', code ?? undefined, param ?? undefined),
      contextTooLong: () =>
        error(
          400,
          'Please reduce the length of the messages or completion.',
          'invalid_request_error',
          'context_length_exceeded',
          'messages',
        ),
      unknownRoute: (method, path) =>
        error(
          404,
          `Unknown request URL: ${method} ${path}. Please check the URL for typos, or see the docs at https://console.groq.com/docs/`,
          'invalid_request_error',
          'unknown_url',
        ),
    },
  };
}

export function startGroqPeer(options: GroqPeerOptions = {}): Promise<ChatPeer> {
  return startChatCompletionsPeer(groqDialect(options));
}

/** Failures with Groq's own status, body and headers (`retry-after` is sent only on 429). */
export const groqFaults = {
  rateLimited: (options: { retryAfterSeconds?: number; resetTokens?: string } = {}): Fault => ({
    kind: 'error',
    status: 429,
    body: {
      error: {
        message:
          'Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_peer` service tier `on_demand` on tokens per minute (TPM): Limit 6000, Used 5916, Requested 417. Please try again in 3.33s. Visit https://console.groq.com/docs/rate-limits for more information.',
        type: 'tokens',
        code: 'rate_limit_exceeded',
      },
    },
    headers: {
      'retry-after': String(options.retryAfterSeconds ?? 4),
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': options.resetTokens ?? '3.33s',
    },
  }),
  serverError: (status = 500): Fault => ({
    kind: 'error',
    status,
    body: { error: { message: 'Internal Server Error', type: 'internal_server_error' } },
  }),
};
