import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOllamaPeer, type OllamaPeer } from '../../../../test/peers/ollama/peer';
import { LlmError } from '../provider';
import { contextLengthOf, OllamaClient } from './ollama.client';
import { deadUrl } from '../../../../test/peers/ollama/dead-url';

let peer: OllamaPeer;
let client: OllamaClient;

beforeAll(async () => {
  peer = await createOllamaPeer({ installed: ['stories260k', 'tinyllama:1.1b'] });
  client = new OllamaClient({ url: peer.url });
});
afterAll(() => peer.close());

describe('OllamaClient against the protocol peer', () => {
  it('reads the version, the installed models and their sizes', async () => {
    expect(await client.version()).toBe('0.12.6');
    const models = await client.list();
    expect(models.map((m) => m.id)).toEqual(['stories260k:latest', 'tinyllama:1.1b']);
    expect(models[0]).toMatchObject({ provider: 'ollama', sizeBytes: expect.any(Number), quantization: 'F32' });
    expect(models[0]?.sizeBytes).toBeGreaterThan(1_000_000);
  });

  it('shows context length from model_info, parameter size and quantisation', async () => {
    const details = await client.show('stories260k');
    expect(details).toMatchObject({ contextLength: 2048, parameterSize: '260K', quantization: 'F32', family: 'llama' });
  });

  it('names the model when it is not installed', async () => {
    const error = await client.show('ghost:7b').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'not_found', provider: 'ollama' });
    expect((error as LlmError).message).toContain('"ghost:7b"');
  });

  it('lists running models after use and embeds with the real engine', async () => {
    const vectors = await client.embed('stories260k', ['a cat sat', 'a dog ran'], '1m');
    expect(vectors).toHaveLength(2);
    expect(vectors[0]?.length).toBe(64);
    const running = await client.ps();
    expect(running[0]).toMatchObject({ id: 'stories260k:latest', vramBytes: 0, expiresAt: expect.any(String) });
  });

  it('deletes a model, and a second delete is not_found', async () => {
    await client.delete('tinyllama:1.1b');
    expect((await client.list()).map((m) => m.id)).toEqual(['stories260k:latest']);
    await expect(client.delete('tinyllama:1.1b')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('reports provider_down when nothing listens', async () => {
    const down = new OllamaClient({ url: await deadUrl() });
    await expect(down.version()).rejects.toMatchObject({ kind: 'provider_down' });
  });
});

describe('contextLengthOf', () => {
  it.each([
    [{ 'general.architecture': 'llama', 'llama.context_length': 8192 }, 8192],
    [{ 'general.architecture': 'gemma2', 'gemma2.context_length': 8192, 'x.context_length': 2 }, 8192],
    [{ 'qwen2.context_length': 32768 }, 32768],
    [{ 'general.architecture': 'llama' }, undefined],
    [undefined, undefined],
  ])('%j → %s', (info, expected) => {
    expect(contextLengthOf(info)).toBe(expected);
  });
});
