import type { TokenUsage } from './token-reservation';

/** What a relayed stream reported, for settling the reservation. */
export interface RelayedStream {
  /** The upstream's own count, from its usage chunk; null if the stream ended without one. */
  usage: TokenUsage | null;
  /** Characters of answer text seen, for an estimate when usage never arrived. */
  answerChars: number;
  /** True once `data: [DONE]` came through. */
  done: boolean;
}

/** Reads `usage` (Chat Completions) or Groq's `x_groq.usage` from one chunk. */
export function usageIn(chunk: unknown): TokenUsage | null {
  const record = chunk as { usage?: unknown; x_groq?: { usage?: unknown } } | null;
  for (const candidate of [record?.usage, record?.x_groq?.usage]) {
    const usage = candidate as { prompt_tokens?: unknown; completion_tokens?: unknown } | null | undefined;
    if (typeof usage?.prompt_tokens === 'number' && typeof usage.completion_tokens === 'number') {
      return { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens };
    }
  }
  return null;
}

function answerText(chunk: unknown): number {
  const choices = (chunk as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices)) return 0;
  let chars = 0;
  for (const choice of choices) {
    const content = (choice as { delta?: { content?: unknown } } | null)?.delta?.content;
    if (typeof content === 'string') chars += content.length;
  }
  return chars;
}

/**
 * Passes an upstream SSE stream on event by event, reading the usage as it goes. The proxy always
 * asks the upstream for usage; a device that did not ask for it does not get the extra usage-only
 * chunk (empty `choices`), so it sees exactly the stream it requested.
 */
export async function relayEvents(
  body: ReadableStream<Uint8Array>,
  write: (event: string) => Promise<void>,
  options: { deviceWantsUsage: boolean },
): Promise<RelayedStream> {
  const result: RelayedStream = { usage: null, answerChars: 0, done: false };
  const decoder = new TextDecoder();
  let buffer = '';
  const handle = async (event: string) => {
    const data = event
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (data === '[DONE]') result.done = true;
    else if (data) {
      let chunk: unknown;
      try {
        chunk = JSON.parse(data);
      } catch {
        chunk = null;
      }
      result.usage = usageIn(chunk) ?? result.usage;
      result.answerChars += answerText(chunk);
      const choices = (chunk as { choices?: unknown } | null)?.choices;
      const usageOnly = Array.isArray(choices) && choices.length === 0 && usageIn(chunk) !== null;
      if (usageOnly && !options.deviceWantsUsage) return;
    }
    await write(`${event}\n\n`);
  };
  for await (const bytes of body) {
    buffer += decoder.decode(bytes, { stream: true });
    let boundary = buffer.search(/\r?\n\r?\n/);
    while (boundary !== -1) {
      const event = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, '');
      if (event.trim()) await handle(event);
      boundary = buffer.search(/\r?\n\r?\n/);
    }
  }
  buffer += decoder.decode();
  if (buffer.trim()) await handle(buffer);
  return result;
}
