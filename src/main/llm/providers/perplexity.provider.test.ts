import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchResultsFor } from '../../../../test/peers/perplexity/agent-reply';
import {
  PERPLEXITY_PEER_KEY,
  type PerplexityPeer,
  startPerplexityPeer,
} from '../../../../test/peers/perplexity/server';
import { PerplexityProvider } from './perplexity.provider';

let peer: PerplexityPeer;
let provider: PerplexityProvider;

beforeAll(async () => {
  peer = await startPerplexityPeer();
  provider = new PerplexityProvider({ apiKey: PERPLEXITY_PEER_KEY, baseURL: peer.baseURL });
});
afterAll(() => peer.close());

describe('Perplexity Agent API through the official openai SDK against the Perplexity peer', () => {
  it('streams the answer, keeps the citations of the search_results item, and records usage', async () => {
    const tokens: string[] = [];
    const result = await provider.generate({
      model: 'perplexity/sonar',
      messages: [
        { role: 'system', content: 'Cite sources.' },
        { role: 'user', content: 'trending audio formats this week' },
      ],
      maxTokens: 300,
      onToken: (text) => tokens.push(text),
    });
    const sent = peer.requests.at(-1);
    expect(result.text).toBe('You said: trending audio formats this week');
    expect(tokens.join('')).toBe(result.text);
    expect(result.citations).toEqual(searchResultsFor('trending audio formats this week').map((r) => r.url));
    expect({ input: result.tokensIn, output: result.tokensOut }).toEqual(sent?.reportedUsage);
    expect(result.finishReason).toBe('stop');
    expect(sent?.path).toBe('/v1/responses');
    expect(sent?.headers.authorization).toBe(`Bearer ${PERPLEXITY_PEER_KEY}`);
    expect(sent?.body).toEqual({
      model: 'perplexity/sonar',
      input: [{ role: 'user', content: 'trending audio formats this week' }],
      instructions: 'Cite sources.',
      tools: [{ type: 'web_search' }],
      tool_choice: { type: 'web_search' },
      stream: true,
      max_output_tokens: 300,
    });
  });

  it('maps an incomplete run cut by max_output_tokens to a length finish', async () => {
    const result = await provider.generate({
      model: 'perplexity/sonar',
      messages: [{ role: 'user', content: Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ') }],
      maxTokens: 4,
    });
    // Values under 16 are floored to 16 by the API, so the provider sends 16.
    expect(peer.requests.at(-1)?.body).toMatchObject({ max_output_tokens: 16 });
    expect(result).toMatchObject({ finishReason: 'length', tokensOut: 16 });
  });

  it('sends structured output as a top-level response_format (never text.format)', async () => {
    const schema = { type: 'object', properties: { sources: { type: 'array', items: { type: 'string' } } } };
    const result = await provider.generate({
      model: 'perplexity/sonar',
      messages: [{ role: 'user', content: 'list sources' }],
      jsonSchema: schema,
    });
    const body = peer.requests.at(-1)?.body;
    expect(body).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'cadence_output', schema } },
    });
    expect(body).not.toHaveProperty('text');
    expect(JSON.parse(result.text)).toEqual({ sources: [] });
  });

  it('treats a run that fails after HTTP 200 as transient', async () => {
    peer.inject({
      kind: 'error-mid-stream',
      afterDeltas: 1,
      body: {
        type: 'response.failed',
        response: { status: 'failed', error: { code: 'server_error', message: 'The model run failed.' } },
      },
    });
    await expect(
      provider.generate({ model: 'perplexity/sonar', messages: [{ role: 'user', content: 'x y z' }] }),
    ).rejects.toMatchObject({
      kind: 'transient',
      message: 'Perplexity could not finish the answer: The model run failed.',
    });
  });

  it('cancels mid-stream: LlmError cancelled, and the peer sees the connection go', async () => {
    peer.inject({ kind: 'stall-mid-stream', afterDeltas: 1 });
    const controller = new AbortController();
    const outcome = provider.generate({
      model: 'perplexity/sonar',
      messages: [{ role: 'user', content: 'a long answer that will be cut' }],
      signal: controller.signal,
      onToken: () => controller.abort(),
    });
    await expect(outcome).rejects.toMatchObject({ kind: 'cancelled', provider: 'perplexity' });
    const sent = peer.requests.at(-1);
    await sent?.closed;
    expect(sent?.abortedByClient).toBe(true);
  });

  it('lists models without needing the key and estimates tokens', async () => {
    expect((await provider.listModels()).map((m) => m.id)).toContain('perplexity/sonar');
    expect(await provider.health()).toMatchObject({ ok: true });
    expect(await provider.countTokens('perplexity/sonar', '12345678')).toBe(2);
  });
});
