import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { LlmError, type ProviderId } from '../provider';
import { retryAfterMsFromHeaders } from './retry-after';

/**
 * Every failure of a cloud provider call becomes one LlmError, so the router can decide on retry and
 * fallback without knowing which SDK threw. See errors.test.ts for the table this implements.
 */

export interface ErrorContext {
  provider: ProviderId;
  displayName: string;
  /** The caller's signal: once it is aborted, whatever the SDK threw is a cancel. */
  signal?: AbortSignal;
  /** Scrubbed from messages, in case a service echoes the key back. */
  apiKey?: string;
}

/** What both SDKs' APIError carry, read the same way. */
interface ApiFailure {
  status: number | undefined;
  headers: Headers | undefined;
  type: string | undefined;
  code: string | undefined;
  message: string;
}

const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const CONTEXT_TOO_LONG =
  /prompt is too long|maximum context length|context[_ ]length|context window|too many (input )?tokens|reduce the length of the messages/i;
const QUOTA_CODES = new Set(['insufficient_quota', 'enforced_spend_limit_reached', 'contract_spend_limit_reached']);

export function toLlmError(error: unknown, context: ErrorContext): LlmError {
  if (error instanceof LlmError) return error;
  const { displayName: name } = context;
  const make = (kind: LlmError['kind'], message: string, retryAfterMs?: number) =>
    new LlmError(kind, scrub(message, context.apiKey), { provider: context.provider, retryAfterMs, cause: error });

  if (
    context.signal?.aborted ||
    error instanceof OpenAI.APIUserAbortError ||
    error instanceof Anthropic.APIUserAbortError
  ) {
    return make('cancelled', `The ${name} request was cancelled.`);
  }
  if (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof Anthropic.APIConnectionTimeoutError) {
    return make('transient', `${name} did not answer in time.`);
  }
  const failure = readApiFailure(error);
  if (failure === undefined || isConnectionError(error)) {
    const code = findErrorCode(error);
    if (code !== undefined && REFUSED.has(code)) {
      return make('provider_down', `${name} cannot be reached (${code}): check the network or the base URL.`);
    }
    return make('transient', `The connection to ${name} failed: ${describe(error)}.`);
  }
  return classify(failure, make, name);
}

function classify(
  failure: ApiFailure,
  make: (kind: LlmError['kind'], message: string, retryAfterMs?: number) => LlmError,
  name: string,
): LlmError {
  const { status, type, code, message } = failure;
  const contextTooLong = code === 'context_length_exceeded' || CONTEXT_TOO_LONG.test(message);
  if (status === 401 || status === 403) return make('auth', `The ${name} key was refused: ${message}`);
  if (status === 402) return make('auth', `${name} refused the request for billing reasons: ${message}`);
  if (status === 429 || type === 'rate_limit_error' || type === 'request_rate_limit_exceeded') {
    if (code !== undefined && QUOTA_CODES.has(code)) {
      return make(
        'rate_limited',
        `${name} quota or spend limit reached; retrying will not help until it resets: ${message}`,
      );
    }
    return make(
      'rate_limited',
      `${name} is rate limiting requests: ${message}`,
      retryAfterMsFromHeaders(failure.headers),
    );
  }
  // Perplexity answers an unknown model slug with 400 `invalid_model`.
  if (status === 404 || type === 'invalid_model' || code === 'model_not_found') {
    return make('not_found', `${name} does not know this model or resource: ${message}`);
  }
  if (status === 413 || contextTooLong)
    return make('context_too_long', `The input is too long for the ${name} model: ${message}`);
  if (status === 400 || status === 422) return make('invalid_request', `${name} rejected the request: ${message}`);
  if (
    status === undefined &&
    (type === 'authentication_error' || type === 'permission_error' || type === 'forbidden')
  ) {
    return make('auth', `The ${name} key was refused: ${message}`);
  }
  if (status === undefined && (type === 'invalid_request_error' || type === 'invalid_request')) {
    return make('invalid_request', `${name} rejected the request: ${message}`);
  }
  // 408, 409, 5xx, 529 overloaded, and errors sent inside an already-open stream.
  return make('transient', `${name} had a temporary problem${status ? ` (HTTP ${status})` : ''}: ${message}`);
}

function readApiFailure(error: unknown): ApiFailure | undefined {
  if (error instanceof Anthropic.APIError) {
    return {
      status: error.status,
      headers: error.headers,
      type: error.type ?? undefined,
      code: error.errorCode ?? undefined,
      message: error.apiMessage ?? error.message,
    };
  }
  if (error instanceof OpenAI.APIError) {
    const body = error.error as { message?: unknown } | undefined;
    // Perplexity sends a numeric `code` (the HTTP status); only string codes name a cause.
    const code: unknown = error.code;
    return {
      status: error.status,
      headers: error.headers,
      type: error.type,
      code: typeof code === 'string' ? code : undefined,
      message: typeof body?.message === 'string' ? body.message : error.message,
    };
  }
  return undefined;
}

function isConnectionError(error: unknown): boolean {
  return error instanceof OpenAI.APIConnectionError || error instanceof Anthropic.APIConnectionError;
}

/** The first system error code (`ECONNREFUSED`, `UND_ERR_SOCKET`, ...) along the cause chain. */
function findErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    current = cause;
  }
  return undefined;
}

function describe(error: unknown): string {
  const code = findErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code === undefined ? message : `${message} (${code})`;
}

/** Services echo refused keys (masked or not); no key fragment may reach a log or the UI. */
function scrub(message: string, apiKey: string | undefined): string {
  const withoutKey = apiKey && apiKey.length >= 8 ? message.split(apiKey).join('[redacted key]') : message;
  return withoutKey.replace(/\b[A-Za-z][A-Za-z0-9]{0,7}-[A-Za-z0-9_-]*\*{3,}[A-Za-z0-9_-]*/g, '[redacted key]');
}
