import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANTHROPIC_PEER_KEY, type AnthropicPeer, startAnthropicPeer } from '../../../../test/peers/anthropic/server';
import { AnthropicProvider } from './anthropic.provider';

let peer: AnthropicPeer;
let provider: AnthropicProvider;

beforeAll(async () => {
  peer = await startAnthropicPeer();
  provider = new AnthropicProvider({ apiKey: ANTHROPIC_PEER_KEY, baseURL: peer.baseURL });
});
afterAll(() => peer.close());

describe('Anthropic through the official SDK against the Claude API peer', () => {
  it('streams text deltas in order, joins them, and records usage from message_start and message_delta', async () => {
    const tokens: string[] = [];
    const result = await provider.generate({
      model: 'claude-sonnet-5-5',
      messages: [
        { role: 'system', content: 'You write short captions.' },
        { role: 'user', content: 'caption for a rainy street photo' },
      ],
      temperature: 0.4,
      onToken: (text) => tokens.push(text),
    });
    const sent = peer.requests.at(-1);
    expect(result.text).toBe('You said: caption for a rainy street photo');
    expect(tokens.join('')).toBe(result.text);
    expect(tokens.length).toBeGreaterThan(3);
    expect({ input: result.tokensIn, output: result.tokensOut }).toEqual(sent?.reportedUsage);
    expect(result.finishReason).toBe('stop');
    expect(result.ttftMs).not.toBeNull();
    expect(sent?.path).toBe('/v1/messages');
    expect(sent?.headers['anthropic-version']).toBe('2026-10-21');
    expect(sent?.body).toMatchObject({
      model: 'claude-sonnet-5-5',
      max_tokens: 4096,
      stream: true,
      system: 'You write short captions.',
    });
    // API version 2026-10-21 rejects sampling parameters, so temperature is never sent.
    expect(sent?.body).not.toHaveProperty('temperature');
  });

  it('maps a max_tokens stop to a length finish', async () => {
    const result = await provider.generate({
      model: 'claude-haiku-4-5',
      messages: [{ role: 'user', content: 'one two three four' }],
      maxTokens: 2,
    });
    expect(result).toMatchObject({ text: 'You said:', finishReason: 'length', tokensOut: 2 });
  });

  it('asks for structured output through output_config.format', async () => {
    const schema = {
      type: 'object',
      properties: { label: { type: 'string', enum: ['promo', 'story'] } },
      required: ['label'],
    };
    const result = await provider.generate({
      model: 'claude-haiku-4-5',
      messages: [{ role: 'user', content: 'classify this post' }],
      jsonSchema: schema,
    });
    expect(peer.requests.at(-1)?.body).toMatchObject({ output_config: { format: { type: 'json_schema', schema } } });
    expect(JSON.parse(result.text)).toEqual({ label: 'promo' });
  });

  it('cancels mid-stream: LlmError cancelled, and the peer sees the connection go', async () => {
    peer.inject({ kind: 'stall-mid-stream', afterDeltas: 2 });
    const controller = new AbortController();
    let seen = 0;
    const outcome = provider.generate({
      model: 'claude-sonnet-5-5',
      messages: [{ role: 'user', content: 'a long answer that will be cut' }],
      signal: controller.signal,
      onToken: () => {
        seen += 1;
        if (seen === 2) controller.abort();
      },
    });
    await expect(outcome).rejects.toMatchObject({ kind: 'cancelled', provider: 'anthropic' });
    const sent = peer.requests.at(-1);
    await sent?.closed;
    expect(sent?.abortedByClient).toBe(true);
  });

  it('counts tokens with POST /v1/messages/count_tokens', async () => {
    const count = await provider.countTokens('claude-sonnet-5-5', 'five words in this text');
    expect(peer.requests.at(-1)?.path).toBe('/v1/messages/count_tokens');
    expect(count).toBe(8);
  });

  it('lists models with their context length and reports health', async () => {
    const models = await provider.listModels();
    expect(models).toContainEqual({ id: 'claude-haiku-4-5', provider: 'anthropic', contextLength: 200_000 });
    expect(await provider.health()).toEqual({ ok: true, detail: 'Anthropic answered and accepted the key.' });
  });
});
