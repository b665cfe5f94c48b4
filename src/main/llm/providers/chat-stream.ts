import type { ChatCompletionChunk } from 'openai/resources/chat/completions';

/** What a Chat Completions stream said, once it ended. */
export interface ChatStreamOutcome {
  text: string;
  tokensIn: number | undefined;
  tokensOut: number | undefined;
  /** Undefined when the stream ended without a finish reason (cut short). */
  finishReason: string | undefined;
}

interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}

function isUsage(value: unknown): value is Usage {
  const usage = value as Partial<Usage> | null | undefined;
  return typeof usage?.prompt_tokens === 'number' && typeof usage.completion_tokens === 'number';
}

/**
 * Usage arrives in the chunk that `stream_options.include_usage` adds (OpenAI, Groq, Meta) or in
 * Groq's `x_groq.usage` on the last chunk; either is accepted.
 */
function usageOf(chunk: ChatCompletionChunk): Usage | undefined {
  if (isUsage(chunk.usage)) return chunk.usage;
  const groq = (chunk as { x_groq?: { usage?: unknown } }).x_groq;
  return isUsage(groq?.usage) ? groq.usage : undefined;
}

export async function consumeChatStream(
  stream: AsyncIterable<ChatCompletionChunk>,
  onText: (text: string) => void,
): Promise<ChatStreamOutcome> {
  let text = '';
  let usage: Usage | undefined;
  let finishReason: string | undefined;
  for await (const chunk of stream) {
    usage = usageOf(chunk) ?? usage;
    const choice = chunk.choices[0];
    const piece = choice?.delta?.content;
    if (typeof piece === 'string' && piece.length > 0) {
      text += piece;
      onText(piece);
    }
    if (choice?.finish_reason) finishReason = choice.finish_reason;
  }
  return { text, tokensIn: usage?.prompt_tokens, tokensOut: usage?.completion_tokens, finishReason };
}
