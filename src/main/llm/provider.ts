/**
 * The one interface every text engine implements: the managed Ollama, the embedded llama.cpp
 * worker and each cloud provider. The router (src/main/llm/router/) only ever sees this.
 */

export type LlmTask = 'drafting' | 'rewriting' | 'hashtags' | 'classification' | 'coaching' | 'embeddings';

/** `cadence` is the Cadence sync service's own cloud model (src/server/ai), reached with the sync sign-in. */
export type ProviderId = 'ollama' | 'embedded' | 'openai' | 'anthropic' | 'groq' | 'perplexity' | 'meta' | 'cadence';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerateRequest {
  model: string;
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  /** A JSON schema the answer must follow (structured output). */
  jsonSchema?: Record<string, unknown>;
  /** Aborting stops the work at the source (HTTP request, worker generation). */
  signal?: AbortSignal;
  /** Called with each piece of text as it streams. */
  onToken?: (text: string) => void;
}

export interface GenerateResult {
  text: string;
  tokensIn: number;
  tokensOut: number;
  /** Milliseconds from the call to the first token; null when nothing was produced. */
  ttftMs: number | null;
  durationMs: number;
  finishReason: 'stop' | 'length' | 'cancelled';
  /** Web sources (Perplexity), kept with the answer. */
  citations?: string[];
}

/** Texts to turn into vectors for semantic search. */
export interface EmbedRequest {
  model: string;
  texts: string[];
  signal?: AbortSignal;
}

export interface EmbedResult {
  /** One vector per text, in order. */
  vectors: number[][];
  tokensIn: number;
  durationMs: number;
}

export interface ModelInfo {
  id: string;
  provider: ProviderId;
  sizeBytes?: number;
  contextLength?: number;
  parameterSize?: string;
  quantization?: string;
}

export interface ProviderHealth {
  ok: boolean;
  detail: string;
}

export interface LlmProvider {
  readonly id: ProviderId;
  /** Whether a call leaves this device; privacy mode allows only 'local'. */
  readonly location: 'local' | 'cloud';
  listModels(): Promise<ModelInfo[]>;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  /** Vectors for semantic search; only engines that can make embeddings have it. */
  embed?(request: EmbedRequest): Promise<EmbedResult>;
  countTokens(model: string, text: string): Promise<number>;
  health(): Promise<ProviderHealth>;
}

export type LlmErrorKind =
  | 'auth'
  | 'rate_limited'
  | 'context_too_long'
  | 'transient'
  | 'provider_down'
  | 'not_found'
  | 'invalid_request'
  | 'cancelled'
  | 'budget_exceeded'
  | 'privacy_blocked';

/** Normalised provider failure; `retryAfterMs` comes from rate-limit headers where given. */
export class LlmError extends Error {
  readonly kind: LlmErrorKind;
  readonly provider: ProviderId | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: LlmErrorKind,
    message: string,
    options: { provider?: ProviderId; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'LlmError';
    this.kind = kind;
    this.provider = options.provider;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Failures worth trying the next provider for (not the user's own mistakes or cancels). */
  get fallbackWorthy(): boolean {
    return ['rate_limited', 'transient', 'provider_down', 'auth', 'not_found'].includes(this.kind);
  }
}
