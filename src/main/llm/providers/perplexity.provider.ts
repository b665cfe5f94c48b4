import type OpenAI from 'openai';
import type { Stream } from 'openai/core/streaming';
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
import { createOpenAiClient, listOpenAiModels } from './openai-client';
import { consumeAgentStream } from './perplexity-stream';
import { Stopwatch } from './stopwatch';
import { estimateTokens } from './token-estimate';

export const PERPLEXITY_DEFAULT_BASE_URL = 'https://api.perplexity.ai/v1';

/** The Agent API floors `max_output_tokens` at 16. */
const MIN_OUTPUT_TOKENS = 16;

/**
 * Perplexity through its Agent API (Responses format) with the official `openai` SDK. Sonar chat
 * completions, which the brief named, was retired on 2026-09-27; the Agent API replaced it.
 *
 * The SDK's generic `post('/responses')` is used instead of `responses.create()` because the Agent
 * API takes Perplexity-only fields (top-level `response_format`, `tool_choice: {type: 'web_search'}`)
 * outside OpenAI's types, and is strict: every field sent must be one it documents.
 */
export class PerplexityProvider implements LlmProvider {
  readonly id = 'perplexity' as const;
  readonly location = 'cloud' as const;
  private readonly client: OpenAI;

  constructor(private readonly connection: CloudConnection) {
    this.client = createOpenAiClient(connection, PERPLEXITY_DEFAULT_BASE_URL);
  }

  listModels(): Promise<ModelInfo[]> {
    return listOpenAiModels(this.client, this.id, this.errorContext());
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const clock = new Stopwatch();
    const context = this.errorContext(request.signal);
    try {
      const events = await this.client.post<Stream<unknown>>('/responses', {
        body: this.body(request),
        stream: true,
        signal: request.signal,
      });
      const outcome = await consumeAgentStream(events, (text) => {
        clock.token(text);
        request.onToken?.(text);
      });
      if (request.signal?.aborted) throw toLlmError(new Error('aborted'), context);
      // Failed and cancelled runs arrive as HTTP 200 with a terminal event, never as an HTTP error.
      if (outcome.status === 'failed' || outcome.status === 'cancelled' || outcome.status === undefined) {
        const why = (outcome.failure ?? 'the stream ended before the answer was complete').replace(/[.\s]+$/, '');
        throw new LlmError('transient', `Perplexity could not finish the answer: ${why}.`, { provider: this.id });
      }
      return {
        text: outcome.text,
        tokensIn: outcome.tokensIn ?? estimateTokens(request.messages.map((m) => m.content).join('\n')),
        tokensOut: outcome.tokensOut ?? estimateTokens(outcome.text),
        ttftMs: clock.ttftMs,
        durationMs: clock.durationMs,
        finishReason:
          outcome.status === 'incomplete' && outcome.incompleteReason === 'max_output_tokens' ? 'length' : 'stop',
        citations: outcome.citations,
      };
    } catch (error) {
      throw toLlmError(error, context);
    }
  }

  /** An estimate: the Agent API has no token-counting endpoint (see token-estimate.ts). */
  async countTokens(_model: string, text: string): Promise<number> {
    return estimateTokens(text);
  }

  /** Reachability only: the model list is public, and proving the key costs a (tiny) paid run. */
  async health(): Promise<ProviderHealth> {
    try {
      await this.client.models.list();
      return { ok: true, detail: 'Perplexity is reachable (the key is checked when it is saved).' };
    } catch (error) {
      return { ok: false, detail: toLlmError(error, this.errorContext()).message };
    }
  }

  /** A one-word run without search and with the smallest output allowed: GET /v1/models needs no key. */
  async checkKey(): Promise<void> {
    try {
      await this.client.post('/responses', {
        body: { model: 'perplexity/sonar', input: 'ping', max_output_tokens: MIN_OUTPUT_TOKENS },
      });
    } catch (error) {
      throw toLlmError(error, this.errorContext());
    }
  }

  private body(request: GenerateRequest): Record<string, unknown> {
    const instructions = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
    return {
      model: request.model,
      input: request.messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role, content: m.content })),
      ...(instructions.length > 0 ? { instructions: instructions.join('\n\n') } : {}),
      // Sonar always searched; on the Agent API search happens only when asked, so it is forced to
      // keep answers grounded and cited (the reason to pick Perplexity at all).
      tools: [{ type: 'web_search' }],
      tool_choice: { type: 'web_search' },
      stream: true,
      ...(request.maxTokens === undefined ? {} : { max_output_tokens: Math.max(MIN_OUTPUT_TOKENS, request.maxTokens) }),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.jsonSchema === undefined
        ? {}
        : {
            response_format: {
              type: 'json_schema',
              json_schema: { name: 'cadence_output', schema: request.jsonSchema },
            },
          }),
    };
  }

  private errorContext(signal?: AbortSignal): ErrorContext {
    return { provider: this.id, displayName: 'Perplexity', signal, apiKey: this.connection.apiKey };
  }
}
