import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsStreaming, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import {
  type GenerateRequest,
  type GenerateResult,
  LlmError,
  type LlmProvider,
  type ModelInfo,
  type ProviderHealth,
} from '../provider';
import type { CloudConnection } from './cloud-connection';
import { type ErrorContext, toLlmError } from './errors';
import { Stopwatch } from './stopwatch';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

/** `max_tokens` is required by the Messages API; used when the caller does not say. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

const STOPPED_BY_LENGTH = new Set(['max_tokens', 'model_context_window_exceeded']);

/**
 * Claude through the Messages API with the official `@anthropic-ai/sdk` (1.x speaks API version
 * 2026-10-21, which removed temperature/top_p/top_k: `request.temperature` is not sent).
 */
export class AnthropicProvider implements LlmProvider {
  readonly id = 'anthropic' as const;
  readonly location = 'cloud' as const;
  private readonly client: Anthropic;

  constructor(private readonly connection: CloudConnection) {
    this.client = new Anthropic({
      apiKey: connection.apiKey,
      baseURL: connection.baseURL ?? ANTHROPIC_DEFAULT_BASE_URL,
      fetch: connection.fetch,
      timeout: connection.timeoutMs,
      // The router owns retries and fallback.
      maxRetries: 0,
      logLevel: 'off',
      // No trace-context headers to a third party from whatever tracer the host registered.
      openTelemetry: false,
    });
  }

  async listModels(): Promise<ModelInfo[]> {
    try {
      const models: ModelInfo[] = [];
      for await (const model of this.client.models.list()) {
        models.push({ id: model.id, provider: this.id, contextLength: model.max_input_tokens ?? undefined });
      }
      return models;
    } catch (error) {
      throw toLlmError(error, this.errorContext());
    }
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const clock = new Stopwatch();
    const context = this.errorContext(request.signal);
    try {
      const stream = await this.client.messages.create(this.params(request), { signal: request.signal });
      let text = '';
      let tokensIn = 0;
      let tokensOut = 0;
      let stopReason: string | null | undefined;
      for await (const event of stream as AsyncIterable<RawMessageStreamEvent>) {
        if (event.type === 'message_start') {
          tokensIn = event.message.usage.input_tokens;
          tokensOut = event.message.usage.output_tokens;
        } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
          text += event.delta.text;
          clock.token(event.delta.text);
          request.onToken?.(event.delta.text);
        } else if (event.type === 'message_delta') {
          // message_delta usage is cumulative, so the last one is the total.
          tokensOut = event.usage.output_tokens;
          stopReason = event.delta.stop_reason;
        }
      }
      // The SDK ends an aborted stream quietly instead of throwing.
      if (request.signal?.aborted) throw toLlmError(new Error('aborted'), context);
      if (stopReason === undefined) {
        throw new LlmError('transient', 'The Anthropic stream ended before the answer was complete.', {
          provider: this.id,
        });
      }
      return {
        text,
        tokensIn,
        tokensOut,
        ttftMs: clock.ttftMs,
        durationMs: clock.durationMs,
        finishReason: stopReason !== null && STOPPED_BY_LENGTH.has(stopReason) ? 'length' : 'stop',
      };
    } catch (error) {
      throw toLlmError(error, context);
    }
  }

  /** Exact count from POST /v1/messages/count_tokens; includes the few tokens of message framing. */
  async countTokens(model: string, text: string): Promise<number> {
    try {
      const counted = await this.client.messages.countTokens({ model, messages: [{ role: 'user', content: text }] });
      return counted.input_tokens;
    } catch (error) {
      throw toLlmError(error, this.errorContext());
    }
  }

  async health(): Promise<ProviderHealth> {
    try {
      await this.checkKey();
      return { ok: true, detail: 'Anthropic answered and accepted the key.' };
    } catch (error) {
      return { ok: false, detail: toLlmError(error, this.errorContext()).message };
    }
  }

  /** GET /v1/models with a page of one: proves the key without spending tokens. Throws LlmError. */
  async checkKey(): Promise<void> {
    try {
      await this.client.models.list({ limit: 1 });
    } catch (error) {
      throw toLlmError(error, this.errorContext());
    }
  }

  private params(request: GenerateRequest): MessageCreateParamsStreaming {
    const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
    return {
      model: request.model,
      max_tokens: request.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
      stream: true,
      messages: request.messages
        .filter((m) => m.role !== 'system')
        .map((m) => ({ role: m.role === 'assistant' ? 'assistant' : 'user', content: m.content })),
      ...(system.length > 0 ? { system: system.join('\n\n') } : {}),
      // Structured outputs: the documented JSON output option of the Messages API.
      ...(request.jsonSchema === undefined
        ? {}
        : { output_config: { format: { type: 'json_schema', schema: request.jsonSchema } } }),
    };
  }

  private errorContext(signal?: AbortSignal): ErrorContext {
    return { provider: this.id, displayName: 'Anthropic', signal, apiKey: this.connection.apiKey };
  }
}
