import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAI_PEER_KEY, startOpenAiPeer } from '../../../../test/peers/openai/server';
import type { ChatPeer } from '../../../../test/peers/shared/chat-completions-peer';
import { LlmError } from '../provider';
import { CHAT_FLAVOURS } from './openai-compatible.flavours';
import { OpenAiCompatibleProvider } from './openai-compatible.provider';

let peer: ChatPeer;
let provider: OpenAiCompatibleProvider;

beforeAll(async () => {
  peer = await startOpenAiPeer();
  provider = new OpenAiCompatibleProvider(CHAT_FLAVOURS.openai, { apiKey: OPENAI_PEER_KEY, baseURL: peer.baseURL });
});
afterAll(() => peer.close());

const ask = (content: string) => [{ role: 'user' as const, content }];

describe('OpenAI through the official SDK against the OpenAI peer', () => {
  it('streams tokens in order, joins them to the full text and records usage and timing', async () => {
    const tokens: string[] = [];
    const result = await provider.generate({
      model: 'gpt-5.4-mini',
      messages: [{ role: 'system', content: 'Be brief.' }, ...ask('draft a post about sourdough starters')],
      maxTokens: 200,
      onToken: (text) => tokens.push(text),
    });
    const sent = peer.requests.at(-1);
    expect(result.text).toBe('You said: draft a post about sourdough starters');
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join('')).toBe(result.text);
    expect({ input: result.tokensIn, output: result.tokensOut }).toEqual(sent?.reportedUsage);
    expect(result.finishReason).toBe('stop');
    expect(result.ttftMs).not.toBeNull();
    expect(result.durationMs).toBeGreaterThanOrEqual(result.ttftMs ?? 0);
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe(`Bearer ${OPENAI_PEER_KEY}`);
    expect(sent?.body).toMatchObject({
      model: 'gpt-5.4-mini',
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 200,
    });
  });

  it('reports a length finish when max tokens cut the answer', async () => {
    const result = await provider.generate({
      model: 'gpt-5.4-nano',
      messages: ask('one two three four five'),
      maxTokens: 3,
    });
    expect(result).toMatchObject({ text: 'You said: one', finishReason: 'length', tokensOut: 3 });
  });

  it('asks for structured output with a named, strict json_schema response format', async () => {
    const schema = {
      type: 'object',
      properties: { hook: { type: 'string' }, hashtags: { type: 'array', items: { type: 'string' } } },
      required: ['hook', 'hashtags'],
      additionalProperties: false,
    };
    const result = await provider.generate({
      model: 'gpt-5.4-mini',
      messages: ask('hashtags please'),
      jsonSchema: schema,
    });
    expect(peer.requests.at(-1)?.body).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'cadence_output', schema, strict: true } },
    });
    expect(JSON.parse(result.text)).toEqual({ hook: 'echo', hashtags: [] });
  });

  it('cancels mid-stream: LlmError cancelled, and the peer sees the connection go', async () => {
    peer.inject({ kind: 'stall-mid-stream', afterDeltas: 2 });
    const controller = new AbortController();
    const tokens: string[] = [];
    const outcome = provider.generate({
      model: 'gpt-5.4-mini',
      messages: ask('a long answer that will be cut'),
      signal: controller.signal,
      onToken: (text) => {
        tokens.push(text);
        if (tokens.length === 2) controller.abort();
      },
    });
    await expect(outcome).rejects.toMatchObject({ kind: 'cancelled', provider: 'openai' });
    const sent = peer.requests.at(-1);
    await sent?.closed;
    expect(sent?.abortedByClient).toBe(true);
  });

  it('cancels before the first byte', async () => {
    peer.inject({ kind: 'slow-first-byte', delayMs: 300 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await provider
      .generate({ model: 'gpt-5.4-mini', messages: ask('slow'), signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'cancelled' });
    const sent = peer.requests.at(-1);
    await sent?.closed;
    expect(sent?.abortedByClient).toBe(true);
  });

  it('lists models, reports health and estimates tokens', async () => {
    const models = await provider.listModels();
    expect(models.map((m) => m.id)).toContain('gpt-5.4-mini');
    expect(await provider.health()).toMatchObject({ ok: true });
    expect(await provider.countTokens('gpt-5.4-mini', 'a'.repeat(40))).toBe(10);
  });
});
