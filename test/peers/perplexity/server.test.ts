import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERPLEXITY_PEER_KEY, type PerplexityPeer, startPerplexityPeer } from './server';

/** The Agent API peer enforces the reference on raw HTTP, without the SDK in between. */

let peer: PerplexityPeer;
beforeAll(async () => (peer = await startPerplexityPeer()));
afterAll(() => peer.close());

const agent = (body: unknown, key: string | null = PERPLEXITY_PEER_KEY) =>
  fetch(`${peer.origin}/v1/agent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { authorization: `Bearer ${key}` }) },
    body: JSON.stringify(body),
  });

describe('Perplexity Agent API peer', () => {
  it('lists models without a key but refuses an agent run without one', async () => {
    expect((await fetch(`${peer.origin}/v1/models`)).status).toBe(200);
    const res = await agent({ model: 'perplexity/sonar', input: 'hi' }, null);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { type: 'forbidden', code: 401 } });
  });

  it('is strict: an unknown field, top-level or nested, is a 400 naming it', async () => {
    const top = await agent({ model: 'perplexity/sonar', input: 'hi', search_mode: 'academic' });
    expect(await top.json()).toEqual({
      error: {
        message: 'invalid request body: json: unknown field "search_mode"',
        type: 'invalid_request',
        code: 400,
        param: 'search_mode',
      },
    });
    const nested = await agent({
      model: 'perplexity/sonar',
      input: 'hi',
      tools: [{ type: 'web_search', search_mode: 'web' }],
    });
    expect(await nested.json()).toMatchObject({ error: { param: 'tools[0].search_mode' } });
  });

  it('answers a bad model slug with 400 invalid_model, and needs max_output_tokens for anthropic/*', async () => {
    expect(await (await agent({ model: 'sonar-pro', input: 'hi' })).json()).toMatchObject({
      error: { type: 'invalid_model', code: 400 },
    });
    expect(await (await agent({ model: 'anthropic/claude-sonnet-5-5', input: 'hi' })).json()).toMatchObject({
      error: { message: 'max_output_tokens is required when using Anthropic models' },
    });
  });

  it('returns a Response object with a search_results output item', async () => {
    const res = await agent({ model: 'perplexity/sonar', input: 'sourdough', tools: [{ type: 'web_search' }] });
    expect(res.headers.get('x-ratelimit-remaining-requests')).toMatch(/^\d+$/);
    const body = (await res.json()) as { status: string; output: { type: string }[] };
    expect(body.status).toBe('completed');
    expect(body.output.map((item) => item.type)).toEqual(['search_results', 'message']);
  });

  it('streams bare data: events with sequence numbers and no [DONE]', async () => {
    const text = await (await agent({ model: 'perplexity/sonar', input: 'a b', stream: true })).text();
    const events = text.split('\n\n').filter(Boolean);
    expect(events.every((e) => e.startsWith('data: {'))).toBe(true);
    const parsed = events.map((e) => JSON.parse(e.slice(6)) as { type: string; sequence_number: number });
    expect(parsed.map((e) => e.sequence_number)).toEqual(parsed.map((_, i) => i));
    expect(parsed.at(-1)?.type).toBe('response.completed');
  });
});
