import { describe, expect, it } from 'vitest';
import { workerEventSchema, workerRequestSchema } from './llm-protocol';

const model = { modelPath: '/models/a.gguf', contextSize: 2048 };

describe('llm worker protocol', () => {
  it('accepts chat and plain-text generations', () => {
    for (const input of [
      { kind: 'chat', messages: [{ role: 'user', content: 'Hi' }] },
      { kind: 'text', prompt: 'Once upon a time' },
    ]) {
      const message = { type: 'generate', requestId: 'r1', model, input, maxTokens: 32, temperature: 0.7 };
      expect(workerRequestSchema.parse(message)).toEqual(message);
    }
  });

  it('refuses requests that would leave the worker guessing', () => {
    const generate = { type: 'generate', requestId: 'r1', model, maxTokens: 32, temperature: 0.7 };
    expect(workerRequestSchema.safeParse({ ...generate, input: { kind: 'chat', messages: [] } }).success).toBe(false);
    expect(
      workerRequestSchema.safeParse({ ...generate, input: { kind: 'text', prompt: 'x' }, model: undefined }).success,
    ).toBe(false);
    expect(workerRequestSchema.safeParse({ type: 'load', requestId: '', model }).success).toBe(false);
    expect(workerRequestSchema.safeParse({ type: 'explode', requestId: 'r2' }).success).toBe(false);
  });

  it('types every worker event', () => {
    const events = [
      { type: 'token', requestId: 'r1', text: 'Once', tokens: 1 },
      { type: 'done', requestId: 'r1', tokensIn: 4, tokensOut: 32, finishReason: 'length' },
      { type: 'error', requestId: 'r1', kind: 'context_too_long', message: 'too long' },
      { type: 'pong', requestId: 'r2', loadedModel: null, pending: 0 },
      { type: 'log', level: 'warn', message: 'bad special token' },
    ];
    for (const event of events) expect(workerEventSchema.parse(event)).toEqual(event);
  });
});
