import { randomUUID } from 'node:crypto';
import type { ChatDialect, ErrorReply, PeerModel } from '../shared/chat-completions-dialect';
import { type ChatPeer, startChatCompletionsPeer } from '../shared/chat-completions-peer';
import type { Fault } from '../shared/peer-server';

/** Protocol peer of the OpenAI API (Chat Completions + Models). See README.md for what is covered. */

export const OPENAI_PEER_KEY = 'sk-peer-openai-0123456789abcdef';

export const OPENAI_PEER_MODELS: PeerModel[] = [
  { id: 'gpt-5.5', contextWindow: 1_050_000, ownedBy: 'openai' },
  { id: 'gpt-5.4', contextWindow: 1_050_000, ownedBy: 'openai' },
  { id: 'gpt-5.4-mini', contextWindow: 400_000, ownedBy: 'openai' },
  { id: 'gpt-5.4-nano', contextWindow: 400_000, ownedBy: 'openai' },
  { id: 'gpt-4.1-mini', contextWindow: 1_047_576, ownedBy: 'system' },
];

const REQUESTS_PER_MINUTE = 500;

function error(status: number, message: string, type: string, param: string | null, code: string | null): ErrorReply {
  return { status, body: { error: { message, type, param, code } } };
}

/** OpenAI echoes a refused key with its middle masked. */
function maskKey(key: string): string {
  return key.length <= 8 ? '*'.repeat(key.length) : `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}`;
}

export function openAiDialect(options: { models?: PeerModel[]; validKeys?: string[] } = {}): ChatDialect {
  return {
    basePath: '/v1',
    models: options.models ?? OPENAI_PEER_MODELS,
    validKeys: options.validKeys ?? [OPENAI_PEER_KEY],
    requireSchemaName: true,
    responseHeaders: (n) => ({
      'x-request-id': `req_${randomUUID().replaceAll('-', '')}`,
      'openai-version': '2020-10-01',
      'openai-processing-ms': '12',
      'x-ratelimit-limit-requests': String(REQUESTS_PER_MINUTE),
      'x-ratelimit-limit-tokens': '2000000',
      'x-ratelimit-remaining-requests': String(Math.max(0, REQUESTS_PER_MINUTE - n)),
      'x-ratelimit-remaining-tokens': '1999950',
      'x-ratelimit-reset-requests': '120ms',
      'x-ratelimit-reset-tokens': '1ms',
    }),
    // GPT-5-family and o-series models take max_completion_tokens; max_tokens is refused.
    checkBody: (body) =>
      body.max_tokens !== undefined && /^(gpt-5|o\d)/.test(String(body.model))
        ? error(
            400,
            "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
            'invalid_request_error',
            'max_tokens',
            'unsupported_parameter',
          )
        : undefined,
    errors: {
      missingKey: () =>
        error(
          401,
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.",
          'invalid_request_error',
          null,
          null,
        ),
      invalidKey: (key) =>
        error(
          401,
          `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          'invalid_request_error',
          null,
          'invalid_api_key',
        ),
      modelNotFound: (model) =>
        error(
          404,
          `The model \`${model}\` does not exist or you do not have access to it.`,
          'invalid_request_error',
          null,
          'model_not_found',
        ),
      invalidRequest: (message, param, code) => error(400, message, 'invalid_request_error', param, code),
      contextTooLong: (limit, requested) =>
        error(
          400,
          `This model's maximum context length is ${limit} tokens. However, your messages resulted in ${requested} tokens. Please reduce the length of the messages.`,
          'invalid_request_error',
          'messages',
          'context_length_exceeded',
        ),
      unknownRoute: (method, path) =>
        error(404, `Invalid URL (${method} ${path})`, 'invalid_request_error', null, null),
    },
  };
}

export function startOpenAiPeer(options: { models?: PeerModel[]; validKeys?: string[] } = {}): Promise<ChatPeer> {
  return startChatCompletionsPeer(openAiDialect(options));
}

/** Failures with OpenAI's own status, body and headers. */
export const openAiFaults = {
  rateLimited: (options: { retryAfter?: string; resetRequests?: string } = {}): Fault => ({
    kind: 'error',
    status: 429,
    body: {
      error: {
        message:
          'Rate limit reached for gpt-5.4-mini in organization org-peer on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 2s. Visit https://platform.openai.com/account/rate-limits to learn more.',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    },
    headers: {
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': options.resetRequests ?? '2s',
      ...(options.retryAfter === undefined ? {} : { 'retry-after': options.retryAfter }),
    },
  }),
  quotaExceeded: (): Fault => ({
    kind: 'error',
    status: 429,
    body: {
      error: {
        message:
          'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
        type: 'insufficient_quota',
        param: null,
        code: 'insufficient_quota',
      },
    },
  }),
  serverError: (status = 500): Fault => ({
    kind: 'error',
    status,
    body: {
      error: {
        message: 'The server had an error while processing your request. Sorry about that!',
        type: 'server_error',
        param: null,
        code: null,
      },
    },
  }),
};
