import { randomUUID } from 'node:crypto';
import { bearerToken, sendJson } from '../shared/http-io';
import { type Fault, type RunningPeer, startPeer } from '../shared/peer-server';
import { replyToAgent } from './agent-reply';
import { type AgentModel, type AgentProblem, validateAgentRequest } from './agent-request';

/**
 * Protocol peer of Perplexity's Agent API (POST /v1/agent, alias /v1/responses; GET /v1/models).
 * Sonar chat completions (POST /chat/completions) was retired on 2026-09-27 and is not served.
 */

export const PERPLEXITY_PEER_KEY = 'pplx-peer0123456789abcdef';

export const PERPLEXITY_PEER_MODELS: AgentModel[] = [
  { id: 'perplexity/sonar', contextWindow: 128_000 },
  { id: 'openai/gpt-5.4-mini', contextWindow: 400_000 },
  { id: 'anthropic/claude-sonnet-5-5', contextWindow: 1_000_000 },
];

export interface PerplexityPeer extends RunningPeer {
  /** The OpenAI SDK's baseURL: origin + /v1, so that it posts to /v1/responses. */
  readonly baseURL: string;
}

/** `{"error": {message, type, code, param?}}` where `code` is the HTTP status as a number. */
export function errorBody(problem: AgentProblem): unknown {
  const { status, type, message, param } = problem;
  return { error: { message, type, code: status, ...(param === undefined ? {} : { param }) } };
}

export async function startPerplexityPeer(
  options: { models?: AgentModel[]; validKeys?: string[] } = {},
): Promise<PerplexityPeer> {
  const models = options.models ?? PERPLEXITY_PEER_MODELS;
  const validKeys = options.validKeys ?? [PERPLEXITY_PEER_KEY];
  let requestNumber = 0;
  const peer = await startPeer(async ({ req, res, record, body, fault }) => {
    requestNumber += 1;
    const headers = {
      'x-request-id': randomUUID(),
      'x-ratelimit-limit-requests': '50',
      'x-ratelimit-remaining-requests': String(Math.max(0, 50 - requestNumber)),
      'x-ratelimit-reset-requests': '1.2s',
    };
    const fail = (problem: AgentProblem, extra: Record<string, string> = {}) =>
      sendJson(res, problem.status, errorBody(problem), { ...headers, ...extra });
    const { method, path } = record;

    // The model catalogue is public: no key needed.
    if (method === 'GET' && path === '/v1/models') {
      const data = models.map((m) => ({
        id: m.id,
        object: 'model',
        created: 1_767_225_600,
        owned_by: m.id.split('/')[0],
      }));
      return sendJson(res, 200, { object: 'list', data }, headers);
    }
    const key = bearerToken(req);
    if (key === undefined)
      return fail({ status: 401, type: 'forbidden', message: 'Missing API key in the Authorization header' });
    if (!validKeys.includes(key)) return fail({ status: 401, type: 'forbidden', message: 'Invalid API key' });
    if (fault?.kind === 'error') return sendJson(res, fault.status, fault.body, { ...headers, ...fault.headers });

    if (method === 'POST' && (path === '/v1/agent' || path === '/v1/responses')) {
      if (!body?.ok)
        return fail({
          status: 400,
          type: 'invalid_request',
          message: `invalid request body: ${body?.reason ?? 'missing'}`,
        });
      const turn = validateAgentRequest(body.value, models);
      if ('status' in turn) return fail(turn);
      return replyToAgent(turn, { res, record, fault }, headers);
    }
    return fail({ status: 404, type: 'not_found', message: `no route for ${method} ${path}` });
  });
  return { ...peer, baseURL: `${peer.origin}/v1` };
}

/** Failures in the Agent API's own shapes. */
export const perplexityFaults = {
  rateLimited: (options: { retryAfter?: string } = {}): Fault => ({
    kind: 'error',
    status: 429,
    body: errorBody({
      status: 429,
      type: 'request_rate_limit_exceeded',
      message: 'Rate limit exceeded. Please retry with backoff.',
    }),
    headers: {
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '1.2s',
      ...(options.retryAfter === undefined ? {} : { 'retry-after': options.retryAfter }),
    },
  }),
  serverError: (status = 500): Fault => ({
    kind: 'error',
    status,
    body: errorBody({ status, type: status === 502 ? 'bad_gateway' : 'internal_error', message: 'internal error' }),
  }),
  /** A run that fails after it started: HTTP 200, then a `response.failed` event. */
  failedRun: (afterDeltas: number): Fault => ({
    kind: 'error-mid-stream',
    afterDeltas,
    body: {
      type: 'response.failed',
      response: {
        object: 'response',
        status: 'failed',
        error: { code: 'server_error', message: 'The model run failed.' },
        output: [],
      },
    },
  }),
};
