import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import {
  type GenerateRequest,
  type GenerateResult,
  LlmError,
  type LlmProvider,
  type ModelInfo,
  type ProviderHealth,
} from '../provider';
import { consumeChatStream } from './chat-stream';
import type { CloudConnection } from './cloud-connection';
import { type ErrorContext, toLlmError } from './errors';
import { createOpenAiClient, listOpenAiModels } from './openai-client';
import type { ChatFlavour } from './openai-compatible.flavours';
import { Stopwatch } from './stopwatch';
import { estimateTokens } from './token-estimate';

/** OpenAI, Groq and the Meta Llama API through Chat Completions, with the official `openai` SDK. */
export class OpenAiCompatibleProvider implements LlmProvider {
  readonly location = 'cloud' as const;
  readonly id: ChatFlavour['id'];
  private readonly client: OpenAI;

  constructor(
    private readonly flavour: ChatFlavour,
    private readonly connection: CloudConnection,
  ) {
    this.id = flavour.id;
    this.client = createOpenAiClient(connection, flavour.defaultBaseURL);
  }

  listModels(): Promise<ModelInfo[]> {
    return listOpenAiModels(this.client, this.id, this.errorContext());
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const clock = new Stopwatch();
    const context = this.errorContext(request.signal);
    try {
      const stream = await this.client.chat.completions.create(this.params(request), { signal: request.signal });
      const outcome = await consumeChatStream(stream, (text) => {
        clock.token(text);
        request.onToken?.(text);
      });
      // The SDK ends an aborted stream quietly instead of throwing, so the signal is checked here.
      if (request.signal?.aborted) throw toLlmError(new Error('aborted'), context);
      if (outcome.finishReason === undefined) {
        throw new LlmError(
          'transient',
          `The ${this.flavour.displayName} stream ended before the answer was complete.`,
          {
            provider: this.id,
          },
        );
      }
      return {
        text: outcome.text,
        tokensIn: outcome.tokensIn ?? estimateTokens(request.messages.map((m) => m.content).join('\n')),
        tokensOut: outcome.tokensOut ?? estimateTokens(outcome.text),
        ttftMs: clock.ttftMs,
        durationMs: clock.durationMs,
        finishReason: outcome.finishReason === 'length' ? 'length' : 'stop',
      };
    } catch (error) {
      throw toLlmError(error, context);
    }
  }

  /** An estimate: Chat Completions has no token-counting endpoint (see token-estimate.ts). */
  async countTokens(_model: string, text: string): Promise<number> {
    return estimateTokens(text);
  }

  async health(): Promise<ProviderHealth> {
    try {
      await this.checkKey();
      return { ok: true, detail: `${this.flavour.displayName} answered and accepted the key.` };
    } catch (error) {
      return { ok: false, detail: toLlmError(error, this.errorContext()).message };
    }
  }

  /** Lists models: the cheapest call that proves the key is accepted. Throws LlmError. */
  async checkKey(): Promise<void> {
    try {
      await this.client.models.list();
    } catch (error) {
      throw toLlmError(error, this.errorContext());
    }
  }

  private params(request: GenerateRequest): ChatCompletionCreateParamsStreaming {
    const { maxTokensField, strictSchemas } = this.flavour;
    return {
      model: request.model,
      messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
      stream: true,
      stream_options: { include_usage: true },
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.maxTokens === undefined ? {} : { [maxTokensField]: request.maxTokens }),
      ...(request.jsonSchema === undefined
        ? {}
        : {
            response_format: {
              type: 'json_schema',
              json_schema: {
                name: 'cadence_output',
                schema: request.jsonSchema,
                ...(strictSchemas ? { strict: true } : {}),
              },
            },
          }),
    };
  }

  private errorContext(signal?: AbortSignal): ErrorContext {
    return { provider: this.id, displayName: this.flavour.displayName, signal, apiKey: this.connection.apiKey };
  }
}
