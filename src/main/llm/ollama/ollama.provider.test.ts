import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOllamaPeer, type OllamaPeer } from '../../../../test/peers/ollama/peer';
import { LlmError } from '../provider';
import { OllamaProvider } from './ollama.provider';
import { deadUrl } from '../../../../test/peers/ollama/dead-url';

let peer: OllamaPeer;
let provider: OllamaProvider;

beforeAll(async () => {
  peer = await createOllamaPeer();
  provider = new OllamaProvider({ client: peer.url, keepAlive: '2m' });
});
afterAll(() => peer.close());

const story = [{ role: 'user' as const, content: 'Once upon a time' }];

describe('OllamaProvider against the peer running stories260K', () => {
  it('is a local provider whose models carry size and context length', async () => {
    expect(provider).toMatchObject({ id: 'ollama', location: 'local' });
    const [model] = await provider.listModels();
    expect(model).toMatchObject({ id: 'stories260k:latest', provider: 'ollama', contextLength: 2048 });
    expect(await provider.health()).toEqual({ ok: true, detail: `Ollama 0.12.6 at ${peer.url}` });
  });

  it('streams real tokens to onToken and returns Ollama’s counts', async () => {
    const tokens: string[] = [];
    const result = await provider.generate({
      model: 'stories260k',
      messages: story,
      maxTokens: 24,
      temperature: 0.7,
      onToken: (text) => tokens.push(text),
    });
    expect(tokens.length).toBeGreaterThan(5);
    expect(result.text).toBe(tokens.join(''));
    expect(result.text).toMatch(/[a-z]+ [a-z]+/i);
    expect(result).toMatchObject({ tokensOut: 24, finishReason: 'length' });
    expect(result.tokensIn).toBeGreaterThan(0);
    expect(result.ttftMs).toBeGreaterThan(0);
    const sent = peer.requests.findLast((r) => r.path === '/api/chat')?.body;
    expect(sent).toMatchObject({ keep_alive: '2m', options: { num_predict: 24, temperature: 0.7 }, stream: true });
  });

  it('passes a JSON schema through as `format`', async () => {
    const schema = { type: 'object', properties: { age: { type: 'integer' } }, required: ['age'] };
    const result = await provider.generate({
      model: 'stories260k',
      messages: story,
      maxTokens: 100,
      jsonSchema: schema,
    });
    expect(peer.requests.findLast((r) => r.path === '/api/chat')?.body?.format).toEqual(schema);
    // The peer enforces the schema with a real grammar, so even this tiny model answers in shape.
    expect(result.finishReason).toBe('stop');
    expect(JSON.parse(result.text)).toEqual({ age: expect.any(Number) });
  });

  it('a stream cut mid-answer is a transient LlmError, never a finished answer', async () => {
    peer.faults.dropChatAfterChunks = 3;
    const tokens: string[] = [];
    const error = await provider
      .generate({ model: 'stories260k', messages: story, maxTokens: 200, onToken: (t) => tokens.push(t) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'transient', message: expect.stringContaining('Ollama stopped mid-answer') });
    expect(tokens).toHaveLength(3);
    expect(peer.observed.droppedGenerations).toBe(1);
  });

  it('cancelling stops the generation at the peer and returns the part so far', async () => {
    const controller = new AbortController();
    const before = peer.observed.generationAborts;
    let seen = 0;
    const result = await provider.generate({
      model: 'stories260k',
      messages: story,
      maxTokens: 1500,
      signal: controller.signal,
      onToken: () => ++seen === 4 && controller.abort(),
    });
    expect(result.finishReason).toBe('cancelled');
    expect(result.text.length).toBeGreaterThan(0);
    await expect.poll(() => peer.observed.generationAborts).toBe(before + 1);
  });

  it('an unknown model is not_found with its name', async () => {
    const error = await provider.generate({ model: 'llama9:70b', messages: story }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'not_found', message: expect.stringContaining('"llama9:70b"') });
  });

  it('connection refused is provider_down, and health says so', async () => {
    const down = new OllamaProvider({ client: await deadUrl() });
    await expect(down.generate({ model: 'stories260k', messages: story })).rejects.toMatchObject({
      kind: 'provider_down',
    });
    expect(await down.health()).toMatchObject({ ok: false, detail: expect.stringContaining('not running') });
  });
});
