import { asRecord } from './http-io';

/**
 * Deterministic "model" behaviour shared by the peers: the answer echoes the last user turn, a token
 * is a whitespace-led word piece, and structured output is the smallest value a schema allows.
 * These are protocol peers, not models; tests can predict every byte.
 */

export function answerFor(prompt: string): string {
  return `You said: ${prompt.trim()}`;
}

/** Word pieces with their leading whitespace, joined back they give the original text. */
export function splitIntoDeltas(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

export function countTokens(text: string): number {
  return splitIntoDeltas(text).length;
}

/** The text of the last `user` message in an OpenAI/Anthropic-style message list (string content only). */
export function lastUserText(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  for (const message of [...messages].reverse()) {
    const record = asRecord(message);
    if (record?.role === 'user' && typeof record.content === 'string') return record.content;
  }
  return '';
}

/** Input tokens of a message list: the word pieces of every string content plus 3 per message of framing. */
export function countMessageTokens(messages: unknown): number {
  if (!Array.isArray(messages)) return 0;
  return messages.reduce<number>((sum, message) => {
    const content = asRecord(message)?.content;
    return sum + 3 + (typeof content === 'string' ? countTokens(content) : 0);
  }, 0);
}

/** The smallest value that satisfies a (simple) JSON schema: what a peer "generates" for structured output. */
export function exampleFromSchema(schema: unknown): unknown {
  const node = asRecord(schema);
  if (!node) return null;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
  switch (node.type) {
    case 'object': {
      const properties = asRecord(node.properties) ?? {};
      return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, exampleFromSchema(value)]));
    }
    case 'array':
      return [];
    case 'string':
      return 'echo';
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/** The answer text and whether max tokens cut it short. */
export function limitAnswer(text: string, maxTokens: number | undefined): { deltas: string[]; truncated: boolean } {
  const deltas = splitIntoDeltas(text);
  if (maxTokens === undefined || deltas.length <= maxTokens) return { deltas, truncated: false };
  return { deltas: deltas.slice(0, maxTokens), truncated: true };
}
