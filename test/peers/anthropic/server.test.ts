import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANTHROPIC_PEER_KEY, type AnthropicPeer, startAnthropicPeer } from './server';

/** The Claude API peer enforces the reference on raw HTTP, without the SDK in between. */

let peer: AnthropicPeer;
beforeAll(async () => (peer = await startAnthropicPeer()));
afterAll(() => peer.close());

const message = { model: 'claude-haiku-4-5', max_tokens: 32, messages: [{ role: 'user', content: 'hi there' }] };
const post = (headers: Record<string, string>, body: unknown, path = '/v1/messages') =>
  fetch(`${peer.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('Claude API peer', () => {
  it('requires a key: authentication_error in the error envelope, with a request id and rate-limit headers', async () => {
    const res = await post({ 'anthropic-version': '2023-06-01' }, message);
    expect(res.status).toBe(401);
    expect(res.headers.get('anthropic-ratelimit-requests-remaining')).toMatch(/^\d+$/);
    expect(await res.json()).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: 'x-api-key header is required' },
      request_id: expect.stringMatching(/^req_/),
    });
  });

  it('accepts x-api-key with version 2023-06-01, and the same key as a Bearer token', async () => {
    const viaHeader = await post({ 'x-api-key': ANTHROPIC_PEER_KEY, 'anthropic-version': '2023-06-01' }, message);
    const viaBearer = await post(
      { authorization: `Bearer ${ANTHROPIC_PEER_KEY}`, 'anthropic-version': '2026-10-21' },
      message,
    );
    expect([viaHeader.status, viaBearer.status]).toEqual([200, 200]);
    expect(await viaHeader.json()).toMatchObject({
      type: 'message',
      content: [{ type: 'text', text: 'You said: hi there' }],
      stop_reason: 'end_turn',
    });
  });

  it.each([
    [{ 'x-api-key': ANTHROPIC_PEER_KEY }, message, 'anthropic-version: header is required'],
    [
      { 'x-api-key': ANTHROPIC_PEER_KEY, 'anthropic-version': '2023-06-01' },
      { ...message, max_tokens: undefined },
      'max_tokens: Field required',
    ],
    [
      { 'x-api-key': ANTHROPIC_PEER_KEY, 'anthropic-version': '2026-10-21' },
      { ...message, temperature: 0.5 },
      'temperature: Extra inputs are not permitted in API version 2026-10-21',
    ],
  ])('400 invalid_request_error: %#', async (headers, body, text) => {
    const res = await post(headers, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: text } });
  });

  it('answers an unknown model with 404 not_found_error', async () => {
    const res = await post(
      { 'x-api-key': ANTHROPIC_PEER_KEY, 'anthropic-version': '2023-06-01' },
      { ...message, model: 'claude-0' },
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { type: 'not_found_error', message: 'model: claude-0' } });
  });

  it('streams named SSE events in the documented order', async () => {
    const res = await post(
      { 'x-api-key': ANTHROPIC_PEER_KEY, 'anthropic-version': '2023-06-01' },
      { ...message, stream: true },
    );
    const names = [...(await res.text()).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(names).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });
});
