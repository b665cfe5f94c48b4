import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROQ_PEER_KEY, startGroqPeer } from '../../../../test/peers/groq/server';
import { META_PEER_KEY, startMetaPeer } from '../../../../test/peers/meta-llama/server';
import type { ChatPeer } from '../../../../test/peers/shared/chat-completions-peer';
import { CHAT_FLAVOURS, type ChatFlavour } from './openai-compatible.flavours';
import { OpenAiCompatibleProvider } from './openai-compatible.provider';

/** Groq and the Meta Llama API share the OpenAI-compatible provider; OpenAI has its own file. */
interface Service {
  flavour: ChatFlavour;
  key: string;
  model: string;
  path: string;
  start: () => Promise<ChatPeer>;
}

const services: Service[] = [
  {
    flavour: CHAT_FLAVOURS.groq,
    key: GROQ_PEER_KEY,
    model: 'llama-3.3-70b-versatile',
    path: '/openai/v1/chat/completions',
    // Usage only in x_groq.usage, so that path of the stream reader is exercised too.
    start: () => startGroqPeer({ usageChunk: false }),
  },
  {
    flavour: CHAT_FLAVOURS.meta,
    key: META_PEER_KEY,
    model: 'Llama-4-Maverick-17B-128E-Instruct-FP8',
    path: '/compat/v1/chat/completions',
    start: () => startMetaPeer(),
  },
];

describe.each(services)('$flavour.displayName through the openai SDK against its peer', (service) => {
  let peer: ChatPeer;
  let provider: OpenAiCompatibleProvider;
  beforeAll(async () => {
    peer = await service.start();
    provider = new OpenAiCompatibleProvider(service.flavour, { apiKey: service.key, baseURL: peer.baseURL });
  });
  afterAll(() => peer.close());

  it('streams tokens in order and records the usage the service returned', async () => {
    const tokens: string[] = [];
    const result = await provider.generate({
      model: service.model,
      messages: [{ role: 'user', content: 'three hooks for a cooking reel' }],
      maxTokens: 64,
      temperature: 0.7,
      onToken: (text) => tokens.push(text),
    });
    const sent = peer.requests.at(-1);
    expect(tokens.join('')).toBe('You said: three hooks for a cooking reel');
    expect(result.text).toBe(tokens.join(''));
    expect({ input: result.tokensIn, output: result.tokensOut }).toEqual(sent?.reportedUsage);
    expect(sent?.path).toBe(service.path);
    expect(sent?.headers.authorization).toBe(`Bearer ${service.key}`);
    expect(sent?.body).toMatchObject({
      model: service.model,
      stream: true,
      max_completion_tokens: 64,
      temperature: 0.7,
    });
  });

  it('asks for structured output with a json_schema response format, without strict mode', async () => {
    const schema = { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } };
    const result = await provider.generate({
      model: service.model,
      messages: [{ role: 'user', content: 'tags' }],
      jsonSchema: schema,
    });
    const format = (peer.requests.at(-1)?.body as { response_format?: unknown }).response_format;
    expect(format).toEqual({ type: 'json_schema', json_schema: { name: 'cadence_output', schema } });
    expect(JSON.parse(result.text)).toEqual({ tags: [] });
  });

  it('cancels mid-stream and the peer sees the connection go', async () => {
    peer.inject({ kind: 'stall-mid-stream', afterDeltas: 1 });
    const controller = new AbortController();
    const outcome = provider.generate({
      model: service.model,
      messages: [{ role: 'user', content: 'long answer' }],
      signal: controller.signal,
      onToken: () => controller.abort(),
    });
    await expect(outcome).rejects.toMatchObject({ kind: 'cancelled', provider: service.flavour.id });
    const sent = peer.requests.at(-1);
    await sent?.closed;
    expect(sent?.abortedByClient).toBe(true);
  });

  it('lists models and reports health', async () => {
    expect((await provider.listModels()).map((m) => m.id)).toContain(service.model);
    expect(await provider.health()).toMatchObject({ ok: true });
  });
});
