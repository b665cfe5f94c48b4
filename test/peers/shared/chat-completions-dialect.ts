/**
 * What differs between services that speak the OpenAI Chat Completions protocol (OpenAI, Groq, the
 * Meta Llama API compatibility endpoint). Each peer's server.ts fills this in from that service's
 * published reference; the shared engine does the rest.
 */

export interface PeerModel {
  id: string;
  /** Input tokens the peer accepts before answering with the service's context-length error. */
  contextWindow: number;
  ownedBy: string;
}

export interface ErrorReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ChatErrorBodies {
  missingKey(): ErrorReply;
  invalidKey(key: string): ErrorReply;
  modelNotFound(model: string): ErrorReply;
  invalidRequest(message: string, param: string | null, code: string | null): ErrorReply;
  contextTooLong(limit: number, requested: number): ErrorReply;
  unknownRoute(method: string, path: string): ErrorReply;
}

export interface ChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface ChatDialect {
  /** Path prefix of the API, e.g. `/v1`, `/openai/v1`, `/compat/v1`. */
  basePath: string;
  models: PeerModel[];
  validKeys: readonly string[];
  errors: ChatErrorBodies;
  /** Headers the service sends on every response (request ids, rate-limit state). */
  responseHeaders(requestNumber: number): Record<string, string>;
  /** Service-specific body rules (parameters a model rejects, and so on). */
  checkBody?(body: Record<string, unknown>): ErrorReply | undefined;
  /** Whether `response_format.json_schema.name` is required, as OpenAI requires it. */
  requireSchemaName: boolean;
  /** Whether `stream_options.include_usage` adds a usage chunk before `[DONE]` (default true). */
  usageChunk?: boolean;
  /** Fields a service adds to a completion or to the last stream chunk (Groq's `x_groq`). */
  extraFields?(id: string, usage: ChatUsage | undefined): Record<string, unknown>;
}
