import { randomUUID } from 'node:crypto';
import { asRecord, bearerToken, sendJson } from '../shared/http-io';
import { type Fault, type RunningPeer, startPeer } from '../shared/peer-server';
import { type AnthropicModel, inputTokensOf, type Problem, replyToMessages, validateMessages } from './messages';

/** Protocol peer of the Claude API: Messages, Token Counting and Models. See README.md. */

export const ANTHROPIC_PEER_KEY = 'sk-ant-api03-peer0123456789abcdef';
export const ANTHROPIC_VERSIONS = ['2023-06-01', '2026-10-21'];

export const ANTHROPIC_PEER_MODELS: AnthropicModel[] = [
  { id: 'claude-opus-5-5', displayName: 'Claude Opus 5.5', contextWindow: 1_000_000, maxOutput: 128_000 },
  { id: 'claude-sonnet-5-5', displayName: 'Claude Sonnet 5.5', contextWindow: 1_000_000, maxOutput: 128_000 },
  { id: 'claude-haiku-4-5', displayName: 'Claude Haiku 4.5', contextWindow: 200_000, maxOutput: 64_000 },
];

export interface AnthropicPeer extends RunningPeer {
  /** The SDK's baseURL: the origin, since request paths start with /v1. */
  readonly baseURL: string;
}

const REQUESTS_PER_MINUTE = 4000;

/** The Claude API error envelope: `type: "error"`, an `error` object and the request id. */
export function errorBody(problem: Problem, requestId: string): unknown {
  const { type, message, details } = problem;
  return { type: 'error', error: { type, message, ...(details ? { details } : {}) }, request_id: requestId };
}

/** anthropic-ratelimit-* on every response; resets are RFC 3339 instants. */
function rateLimitHeaders(n: number): Record<string, string> {
  const reset = new Date(Date.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const headers: Record<string, string> = {};
  for (const [limit, size] of [
    ['requests', REQUESTS_PER_MINUTE],
    ['input-tokens', 2_000_000],
    ['output-tokens', 400_000],
    ['tokens', 2_400_000],
  ] as const) {
    headers[`anthropic-ratelimit-${limit}-limit`] = String(size);
    headers[`anthropic-ratelimit-${limit}-remaining`] = String(limit === 'requests' ? size - n : size - 100);
    headers[`anthropic-ratelimit-${limit}-reset`] = reset;
  }
  return headers;
}

export async function startAnthropicPeer(
  options: { models?: AnthropicModel[]; validKeys?: string[] } = {},
): Promise<AnthropicPeer> {
  const models = options.models ?? ANTHROPIC_PEER_MODELS;
  const validKeys = options.validKeys ?? [ANTHROPIC_PEER_KEY];
  let requestNumber = 0;
  const peer = await startPeer(async ({ req, res, record, body, fault }) => {
    requestNumber += 1;
    const requestId = `req_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
    const headers = {
      'request-id': requestId,
      'anthropic-organization-id': '00000000-0000-4000-8000-000000000000',
      ...rateLimitHeaders(requestNumber),
    };
    const fail = (problem: Problem, extra: Record<string, string> = {}) =>
      sendJson(res, problem.status, errorBody(problem, requestId), { ...headers, ...extra });

    // The reference accepts the key as `x-api-key` or as an `Authorization: Bearer` token.
    const headerKey = req.headers['x-api-key'];
    const key = typeof headerKey === 'string' ? headerKey : bearerToken(req);
    if (key === undefined)
      return fail({ status: 401, type: 'authentication_error', message: 'x-api-key header is required' });
    if (!validKeys.includes(key))
      return fail({ status: 401, type: 'authentication_error', message: 'invalid x-api-key' });
    const version = req.headers['anthropic-version'];
    if (typeof version !== 'string')
      return fail({ status: 400, type: 'invalid_request_error', message: 'anthropic-version: header is required' });
    if (!ANTHROPIC_VERSIONS.includes(version)) {
      return fail({
        status: 400,
        type: 'invalid_request_error',
        message: `anthropic-version: unknown version "${version}"`,
      });
    }
    if (fault?.kind === 'error') {
      return sendJson(
        res,
        fault.status,
        { ...(asRecord(fault.body) ?? {}), request_id: requestId },
        { ...headers, ...fault.headers },
      );
    }

    const { method, path } = record;
    if (method === 'GET' && path === '/v1/models') {
      const data = models.map((m) => modelInfo(m));
      return sendJson(
        res,
        200,
        { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null },
        headers,
      );
    }
    if (method === 'GET' && path.startsWith('/v1/models/')) {
      const model = models.find((m) => m.id === decodeURIComponent(path.slice(11)));
      if (!model) return fail({ status: 404, type: 'not_found_error', message: `model: ${path.slice(11)}` });
      return sendJson(res, 200, modelInfo(model), headers);
    }
    if (method === 'POST' && (path === '/v1/messages' || path === '/v1/messages/count_tokens')) {
      if (!body?.ok)
        return fail({ status: 400, type: 'invalid_request_error', message: 'The request body is not valid JSON.' });
      const forCount = path.endsWith('count_tokens');
      const turn = validateMessages(body.value, models, version, forCount);
      if ('status' in turn) return fail(turn);
      if (forCount) return sendJson(res, 200, { input_tokens: inputTokensOf(turn) }, headers);
      return replyToMessages(turn, { res, record, fault }, headers);
    }
    return fail({ status: 404, type: 'not_found_error', message: 'Not Found' });
  });
  return { ...peer, baseURL: peer.origin };
}

function modelInfo(model: AnthropicModel) {
  return {
    type: 'model',
    id: model.id,
    display_name: model.displayName,
    created_at: '2026-06-30T00:00:00Z',
    capabilities: null,
    deprecated_at: null,
    retires_at: null,
    lifecycle: 'active',
    line: null,
    max_input_tokens: model.contextWindow,
    max_tokens: model.maxOutput,
  };
}

/** Failures with the Claude API's own status, body and headers. */
export const anthropicFaults = {
  rateLimited: (options: { retryAfter?: string } = {}): Fault => ({
    kind: 'error',
    status: 429,
    body: {
      type: 'error',
      error: {
        type: 'rate_limit_error',
        message:
          'This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.',
      },
    },
    headers: {
      'anthropic-ratelimit-requests-remaining': '0',
      ...(options.retryAfter === undefined ? {} : { 'retry-after': options.retryAfter }),
    },
  }),
  spendLimitReached: (): Fault => ({
    kind: 'error',
    status: 429,
    body: {
      type: 'error',
      error: {
        type: 'rate_limit_error',
        message: "Your organization has reached its usage tier's monthly spend limit.",
        details: { error_code: 'enforced_spend_limit_reached' },
      },
    },
  }),
  overloaded: (): Fault => ({
    kind: 'error',
    status: 529,
    body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
  }),
  apiError: (): Fault => ({
    kind: 'error',
    status: 500,
    body: { type: 'error', error: { type: 'api_error', message: 'Internal server error' } },
  }),
  overloadedMidStream: (afterDeltas: number): Fault => ({
    kind: 'error-mid-stream',
    afterDeltas,
    body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
  }),
};
