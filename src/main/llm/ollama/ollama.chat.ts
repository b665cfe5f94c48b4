import type { ChatResponse } from 'ollama';
import { type GenerateRequest, type GenerateResult, LlmError } from '../provider';
import type { OllamaClient } from './ollama.client';
import { toLlmError } from './ollama.errors';

export interface ChatOptions {
  /** How long Ollama keeps the model loaded afterwards ("10m", seconds, -1 = until unloaded). */
  keepAlive?: string | number;
  now?: () => number;
}

/**
 * One streamed /api/chat call. Tokens go to onToken as they arrive; the result carries Ollama's
 * own token counts. Cancelling resolves with the text so far and finishReason 'cancelled';
 * a stream that ends without its final `done` line is an error, never a complete answer.
 */
export async function streamChat(
  client: OllamaClient,
  request: GenerateRequest,
  options: ChatOptions = {},
): Promise<GenerateResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { signal } = request;
  let text = '';
  let ttftMs: number | null = null;
  let final: ChatResponse | null = null;
  let answering = false;
  const cancelled = (): GenerateResult => ({
    text,
    tokensIn: 0,
    tokensOut: 0,
    ttftMs,
    durationMs: now() - started,
    finishReason: 'cancelled',
  });
  if (signal?.aborted) return cancelled();

  try {
    const stream = await client.api(signal).chat({
      model: request.model,
      messages: request.messages,
      stream: true,
      format: request.jsonSchema,
      keep_alive: options.keepAlive,
      options: { num_predict: request.maxTokens, temperature: request.temperature },
    });
    answering = true;
    for await (const part of stream) {
      const piece = part.message?.content ?? '';
      if (piece !== '') {
        ttftMs ??= now() - started;
        text += piece;
        request.onToken?.(piece);
      }
      if (part.done) final = part;
    }
  } catch (error) {
    if (signal?.aborted) return cancelled();
    throw toLlmError(error, { url: client.url, model: request.model, midStream: answering });
  }
  // ollama-js already throws when the stream ends without `done`; this guards the contract.
  if (!final) throw new LlmError('transient', 'Ollama stopped mid-answer', { provider: 'ollama' });
  return {
    text,
    tokensIn: final.prompt_eval_count ?? 0,
    tokensOut: final.eval_count ?? 0,
    ttftMs,
    durationMs: now() - started,
    finishReason: final.done_reason === 'length' ? 'length' : 'stop',
  };
}
