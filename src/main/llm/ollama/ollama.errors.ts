import { LlmError } from '../provider';

export interface ErrorContext {
  url: string;
  model?: string;
  /** True once an answer had started streaming: a failure now means a cut-off answer. */
  midStream?: boolean;
  /** What was cut off, for the message: an answer (default) or a model download. */
  activity?: 'answer' | 'download';
}

const DOWN_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** ollama-js throws a ResponseError (not exported) carrying the HTTP status. */
function statusOf(error: unknown): number | null {
  if (error instanceof Error && error.name === 'ResponseError' && 'status_code' in error) {
    return typeof error.status_code === 'number' ? error.status_code : null;
  }
  return null;
}

function causeCode(error: unknown): string | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/**
 * Turns whatever the `ollama` client threw into the router's LlmError. Never lets a cut-off
 * stream pass as an answer: anything failing mid-stream is `transient` "stopped mid-answer".
 */
export function toLlmError(error: unknown, context: ErrorContext): LlmError {
  if (error instanceof LlmError) return error;
  const options = { provider: 'ollama' as const, cause: error };
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : '';
  const model = context.model ? `"${context.model}"` : 'the model';

  if (name === 'AbortError') return new LlmError('cancelled', 'The request to Ollama was cancelled', options);
  if (name === 'TimeoutError') {
    return new LlmError('transient', `Ollama at ${context.url} did not answer in time`, options);
  }

  const status = statusOf(error);
  if (status !== null) {
    // gin's plain-text 404 means the route itself is missing: an Ollama older than this endpoint.
    if (status === 404 && /page not found/i.test(message)) {
      return new LlmError('invalid_request', `This Ollama at ${context.url} is too old for this request`, options);
    }
    if (status === 404) return new LlmError('not_found', `Ollama has no model ${model}`, options);
    if (status === 400) return new LlmError('invalid_request', `Ollama refused the request: ${message}`, options);
    if (status === 401 || status === 403) return new LlmError('auth', `Ollama refused access: ${message}`, options);
    if (status === 429) return new LlmError('rate_limited', `Ollama is busy: ${message}`, options);
    return new LlmError('transient', `Ollama failed (${status}): ${message}`, options);
  }

  const code = causeCode(error);
  if (!context.midStream && code && DOWN_CODES.has(code)) {
    return new LlmError('provider_down', `Ollama is not running at ${context.url}`, options);
  }
  // An {"error": ...} line inside the stream (ollama-js rethrows it as a plain Error).
  if (/not found|file does not exist/i.test(message)) {
    return new LlmError('not_found', `Ollama has no model ${model}: ${message}`, options);
  }
  if (context.midStream) {
    return new LlmError('transient', `Ollama stopped mid-${context.activity ?? 'answer'} (${message})`, options);
  }
  if (code === 'ECONNRESET' || message === 'fetch failed') {
    return new LlmError('provider_down', `Ollama at ${context.url} closed the connection`, options);
  }
  return new LlmError('transient', `Ollama failed: ${message}`, options);
}
