import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGroqPeer, GROQ_PEER_KEY } from '../groq/server';
import { META_PEER_KEY, startMetaPeer } from '../meta-llama/server';
import type { ChatPeer } from '../shared/chat-completions-peer';
import { OPENAI_PEER_KEY, startOpenAiPeer } from './server';

/** The OpenAI-protocol peers enforce the reference on raw HTTP, without any SDK in between. */

let openai: ChatPeer;
let groq: ChatPeer;
let meta: ChatPeer;
beforeAll(async () => {
  [openai, groq, meta] = await Promise.all([startOpenAiPeer(), startGroqPeer(), startMetaPeer()]);
});
afterAll(() => Promise.all([openai.close(), groq.close(), meta.close()]));

const post = (peer: ChatPeer, key: string | undefined, body: unknown) =>
  fetch(`${peer.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { authorization: `Bearer ${key}` }) },
    body: JSON.stringify(body),
  });

describe('OpenAI peer', () => {
  it("answers a missing key with 401 and OpenAI's error body, rate-limit headers included", async () => {
    const res = await post(openai, undefined, { model: 'gpt-5.4-mini', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-ratelimit-remaining-requests')).toMatch(/^\d+$/);
    expect(await res.json()).toEqual({
      error: {
        message: expect.stringMatching(/^You didn't provide an API key/),
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
  });

  it('masks a wrong key in its invalid_api_key answer', async () => {
    const res = await post(openai, 'sk-abcdefghijklmnop1234', { model: 'gpt-5.4-mini', messages: [] });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      error: {
        message: expect.stringContaining(`Incorrect API key provided: sk-${'*'.repeat(16)}1234.`),
        code: 'invalid_api_key',
      },
    });
  });

  it('validates the body: messages, model, max_tokens on GPT-5 models, stream_options without stream', async () => {
    const cases: [unknown, number, string][] = [
      [{ model: 'gpt-5.4-mini' }, 400, 'missing_required_parameter'],
      [{ model: 'gpt-0', messages: [{ role: 'user', content: 'x' }] }, 404, 'model_not_found'],
      [{ model: 'gpt-5.4', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }, 400, 'unsupported_parameter'],
      [
        { model: 'gpt-5.4', stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'x' }] },
        400,
        'invalid_value',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(openai, OPENAI_PEER_KEY, body);
      expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([status, code]);
    }
  });

  it('streams chat.completion.chunk events, a usage chunk, then [DONE]', async () => {
    const res = await post(openai, OPENAI_PEER_KEY, {
      model: 'gpt-5.4-mini',
      messages: [{ role: 'user', content: 'hello there' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const events = (await res.text()).split('\n\n').filter(Boolean);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(events.at(-1)).toBe('data: [DONE]');
    const usage = JSON.parse(events.at(-2)?.slice(6) ?? '{}') as { choices: unknown[]; usage: unknown };
    expect(usage).toMatchObject({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 } });
  });
});

describe('Groq and Meta peers', () => {
  it('Groq: 401 invalid_api_key, and x_groq.usage on the last chunk', async () => {
    const refused = await post(groq, 'gsk_wrong', { model: 'llama-3.1-8b-instant', messages: [] });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error: { message: 'Invalid API Key', type: 'invalid_request_error', code: 'invalid_api_key' },
    });
    const res = await post(groq, GROQ_PEER_KEY, {
      model: 'llama-3.1-8b-instant',
      messages: [{ role: 'user', content: 'a b' }],
      stream: true,
    });
    const events = (await res.text()).split('\n\n').filter(Boolean);
    expect(res.headers.get('x-ratelimit-reset-requests')).toBe('2m59.56s');
    expect(JSON.parse(events.at(-2)?.slice(6) ?? '{}')).toMatchObject({ x_groq: { usage: { prompt_tokens: 5 } } });
  });

  it('Meta: serves the compatibility endpoint under /compat/v1', async () => {
    const res = await fetch(`${meta.baseURL}/models`, { headers: { authorization: `Bearer ${META_PEER_KEY}` } });
    expect(res.status).toBe(200);
    expect(meta.requests.at(-1)?.path).toBe('/compat/v1/models');
  });
});
