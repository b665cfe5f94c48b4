import { randomUUID } from 'node:crypto';
import type { ChatDialect, ErrorReply, PeerModel } from '../shared/chat-completions-dialect';
import { type ChatPeer, startChatCompletionsPeer } from '../shared/chat-completions-peer';
import type { Fault } from '../shared/peer-server';

/**
 * Protocol peer of the Meta Llama API's OpenAI-compatible endpoint (/compat/v1). Meta documents the
 * endpoint as OpenAI-compatible; error bodies and header names below follow the OpenAI shape and are
 * NOT confirmed against Meta's reference (see README.md).
 */

export const META_PEER_KEY = 'LLM|peer|0123456789abcdef';

export const META_PEER_MODELS: PeerModel[] = [
  { id: 'Llama-4-Maverick-17B-128E-Instruct-FP8', contextWindow: 128_000, ownedBy: 'Meta' },
  { id: 'Llama-4-Scout-17B-16E-Instruct-FP8', contextWindow: 128_000, ownedBy: 'Meta' },
  { id: 'Llama-3.3-70B-Instruct', contextWindow: 128_000, ownedBy: 'Meta' },
  { id: 'Llama-3.3-8B-Instruct', contextWindow: 128_000, ownedBy: 'Meta' },
];

function error(status: number, message: string, type: string, param: string | null, code: string | null): ErrorReply {
  return { status, body: { error: { message, type, param, code } } };
}

export function metaDialect(options: { models?: PeerModel[]; validKeys?: string[] } = {}): ChatDialect {
  return {
    basePath: '/compat/v1',
    models: options.models ?? META_PEER_MODELS,
    validKeys: options.validKeys ?? [META_PEER_KEY],
    requireSchemaName: false,
    responseHeaders: (n) => ({
      'x-request-id': randomUUID(),
      'x-ratelimit-limit-requests': '3000',
      'x-ratelimit-remaining-requests': String(Math.max(0, 3000 - n)),
      'x-ratelimit-limit-tokens': '1000000',
      'x-ratelimit-remaining-tokens': '999000',
    }),
    errors: {
      missingKey: () =>
        error(
          401,
          'Missing bearer token in the Authorization header.',
          'authentication_error',
          null,
          'missing_api_key',
        ),
      invalidKey: () => error(401, 'Invalid API key.', 'authentication_error', null, 'invalid_api_key'),
      modelNotFound: (model) => error(404, `Model ${model} not found.`, 'not_found_error', 'model', 'model_not_found'),
      invalidRequest: (message, param, code) => error(400, message, 'invalid_request_error', param, code),
      contextTooLong: (limit, requested) =>
        error(
          400,
          `Input is too long: ${requested} tokens requested, the maximum context length is ${limit} tokens.`,
          'invalid_request_error',
          'messages',
          'context_length_exceeded',
        ),
      unknownRoute: (method, path) => error(404, `No route for ${method} ${path}.`, 'not_found_error', null, null),
    },
  };
}

export function startMetaPeer(options: { models?: PeerModel[]; validKeys?: string[] } = {}): Promise<ChatPeer> {
  return startChatCompletionsPeer(metaDialect(options));
}

export const metaFaults = {
  rateLimited: (options: { retryAfter?: string } = {}): Fault => ({
    kind: 'error',
    status: 429,
    body: {
      error: { message: 'Rate limit exceeded.', type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded' },
    },
    headers: { 'retry-after': options.retryAfter ?? '1', 'x-ratelimit-remaining-requests': '0' },
  }),
  serverError: (status = 500): Fault => ({
    kind: 'error',
    status,
    body: { error: { message: 'Internal server error.', type: 'api_error', param: null, code: null } },
  }),
};
