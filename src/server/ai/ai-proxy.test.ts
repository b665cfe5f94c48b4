import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAI_PEER_KEY, openAiFaults, startOpenAiPeer } from '../../../test/peers/openai/server';
import type { ChatPeer } from '../../../test/peers/shared/chat-completions-peer';
import { waitForClientToLeave } from '../../../test/peers/shared/peer-server';
import {
  createTestUser,
  startTestSyncServer,
  type TestSyncServer,
  type TestUser,
} from '../../../test/support/sync-server';
import { meResponseSchema } from '../../shared/sync-api/accounts';
import { serverErrorBodySchema } from '../../shared/sync-api/errors';
import { TIER_ENTITLEMENTS, usagePeriod } from '../tiers/entitlements';
import { consumeQuota, usageOf } from '../usage/usage-meter';

/** The proxy on a real server and PostgreSQL, with the OpenAI protocol peer as its upstream. */

let peer: ChatPeer;
let server: TestSyncServer;
beforeAll(async () => {
  peer = await startOpenAiPeer();
  server = await startTestSyncServer({
    AI_UPSTREAM_URL: peer.baseURL,
    AI_UPSTREAM_KEY: OPENAI_PEER_KEY,
    AI_DEFAULT_MODEL: 'gpt-5.4-mini',
  });
});
afterAll(async () => {
  await server?.close();
  await peer?.close();
});

const chat = (user: TestUser | null, body: unknown, signal?: AbortSignal) =>
  fetch(`${server.url}/v1/ai/chat/completions`, {
    method: 'POST',
    headers: user ? user.headers : { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });

const ask = (prompt: string, extra: Record<string, unknown> = {}) => ({
  model: 'default',
  messages: [{ role: 'user', content: prompt }],
  max_completion_tokens: 50,
  ...extra,
});

const used = (user: TestUser) => usageOf(server.database.db, user.userId, 'ai_tokens', usagePeriod(new Date()));

async function errorOf(response: Response) {
  return serverErrorBodySchema.parse(await response.json()).error;
}

function dataEvents(text: string): string[] {
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((event) => event.replace(/^data: /, ''));
}

describe('cloud-AI proxy: answers and metering', () => {
  it('answers a whole completion with the server key upstream, and meters exactly what the upstream reported', async () => {
    const user = await createTestUser(server);
    const response = await chat(user, ask('a hook about rye bread'));
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { model: string; choices: { message: { content: string } }[] };
    expect(answer.choices[0]?.message.content).toBe('You said: a hook about rye bread');
    expect(answer.model).toBe('gpt-5.4-mini');
    const sent = peer.requests.at(-1);
    // The device's Cadence token never reaches the upstream; the server's key does.
    expect(sent?.headers.authorization).toBe(`Bearer ${OPENAI_PEER_KEY}`);
    expect(JSON.stringify(sent?.headers)).not.toContain(user.accessToken);
    expect(sent?.body).toMatchObject({ model: 'gpt-5.4-mini', max_completion_tokens: 50 });
    const reported = sent?.reportedUsage;
    expect(reported).toBeDefined();
    expect(await used(user)).toBe((reported?.input ?? 0) + (reported?.output ?? 0));
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^cadence_ai_tokens_total\{direction="in"\} [1-9]/m);
    expect(metrics).toMatch(/^cadence_ai_tokens_total\{direction="out"\} [1-9]/m);
  });

  it('streams through the proxy event by event, ending with [DONE], and meters the streamed usage', async () => {
    const user = await createTestUser(server);
    const response = await chat(user, ask('stream this back to me', { stream: true }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = dataEvents(await response.text());
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e) as { choices: { delta: { content?: string } }[] });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('You said: stream this back to me');
    // The proxy asked for usage itself; a device that did not ask does not get the usage-only chunk.
    expect(peer.requests.at(-1)?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(chunks.every((c) => c.choices.length > 0)).toBe(true);
    const reported = peer.requests.at(-1)?.reportedUsage;
    expect(await used(user)).toBe((reported?.input ?? 0) + (reported?.output ?? 0));
  });

  it('passes the usage chunk on to a device that asked for it', async () => {
    const user = await createTestUser(server);
    const response = await chat(user, ask('count me', { stream: true, stream_options: { include_usage: true } }));
    const events = dataEvents(await response.text());
    const usageChunk = JSON.parse(events.at(-2) ?? '{}') as { choices: unknown[]; usage: { total_tokens: number } };
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage.total_tokens).toBe(await used(user));
  });

  it('lists the one model on offer, and refuses any other model before calling the upstream', async () => {
    const user = await createTestUser(server);
    const models = await fetch(`${server.url}/v1/ai/models`, { headers: user.headers });
    expect(await models.json()).toMatchObject({ object: 'list', data: [{ id: 'gpt-5.4-mini', object: 'model' }] });
    const before = peer.requests.length;
    const refused = await chat(user, ask('hi', { model: 'gpt-5.5' }));
    expect(refused.status).toBe(400);
    expect(await errorOf(refused)).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('gpt-5.4-mini'),
    });
    const malformed = await chat(user, { model: 'default', messages: [] });
    expect(malformed.status).toBe(400);
    expect(peer.requests.length).toBe(before);
    expect(await used(user)).toBe(0);
  });
});

describe('cloud-AI proxy: refusals', () => {
  it('needs a Cadence access token', async () => {
    const response = await chat(null, ask('hi'));
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe('unauthenticated');
  });

  it('refuses an unverified account with 403 email_not_verified, without reaching the upstream', async () => {
    const user = await createTestUser(server);
    await server.database.db
      .updateTable('users')
      .set({ email_verified_at: null })
      .where('id', '=', user.userId)
      .execute();
    const before = peer.requests.length;
    const response = await chat(user, ask('hi'));
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({
      code: 'email_not_verified',
      message: expect.stringMatching(/verify/i),
    });
    const models = await fetch(`${server.url}/v1/ai/models`, { headers: user.headers });
    expect(models.status).toBe(403);
    expect(peer.requests.length).toBe(before);
  });

  it('refuses past the monthly quota with a clear 429 quota_exceeded, before calling the upstream', async () => {
    const user = await createTestUser(server);
    const limit = TIER_ENTITLEMENTS.free.aiTokensPerMonth;
    const period = usagePeriod(new Date());
    await consumeQuota(server.database.db, {
      userId: user.userId,
      kind: 'ai_tokens',
      amount: limit - 20,
      limit,
      period,
    });
    const before = peer.requests.length;
    const response = await chat(user, ask('one more please', { max_completion_tokens: 100 }));
    expect(response.status).toBe(429);
    const error = await errorOf(response);
    expect(error.code).toBe('quota_exceeded');
    expect(error.message).toMatch(/cloud-AI tokens are used up .*renew on the 1st, or upgrade your plan/);
    expect(error.details).toMatchObject({ kind: 'ai_tokens', used: limit - 20, limit });
    expect(peer.requests.length).toBe(before);
    expect(await used(user)).toBe(limit - 20);
  });

  it("meters each user on their own: one user's spending neither shows on nor limits another", async () => {
    const spender = await createTestUser(server);
    const other = await createTestUser(server);
    const limit = TIER_ENTITLEMENTS.free.aiTokensPerMonth;
    const period = usagePeriod(new Date());
    await consumeQuota(server.database.db, { userId: spender.userId, kind: 'ai_tokens', amount: limit, limit, period });
    expect((await chat(spender, ask('hi'))).status).toBe(429);
    const response = await chat(other, ask('hi'));
    expect(response.status).toBe(200);
    const reported = peer.requests.at(-1)?.reportedUsage;
    const ownSpend = (reported?.input ?? 0) + (reported?.output ?? 0);
    expect(await used(other)).toBe(ownSpend);
    expect(await used(spender)).toBe(limit);
    // What each account is shown (GET /v1/me) is its own usage only.
    const me = async (user: TestUser) =>
      meResponseSchema.parse(await (await fetch(`${server.url}/v1/me`, { headers: user.headers })).json()).usage;
    expect(await me(other)).toMatchObject({ aiTokens: ownSpend, period });
    expect(await me(spender)).toMatchObject({ aiTokens: limit, period });
  });

  it('maps an upstream failure to 502 upstream_failed and gives the reserved tokens back', async () => {
    const user = await createTestUser(server);
    peer.inject(openAiFaults.serverError(500));
    const failed = await chat(user, ask('hi'));
    expect(failed.status).toBe(502);
    expect(await errorOf(failed)).toMatchObject({ code: 'upstream_failed', details: { upstreamStatus: 500 } });
    peer.inject(openAiFaults.quotaExceeded());
    const upstreamQuota = await chat(user, ask('hi', { stream: true }));
    expect(upstreamQuota.status).toBe(502);
    const error = await errorOf(upstreamQuota);
    expect(error).toMatchObject({ code: 'upstream_failed', details: { upstreamStatus: 429 } });
    // The operator's upstream quota is not the user's: its wording does not reach the device.
    expect(error.message).not.toMatch(/billing/);
    expect(await used(user)).toBe(0);
  });

  it("keeps the upstream's refused key out of what the device sees", async () => {
    const wrongKey = await startTestSyncServer({
      AI_UPSTREAM_URL: peer.baseURL,
      AI_UPSTREAM_KEY: 'sk-wrong-0123456789abcdef',
      AI_DEFAULT_MODEL: 'gpt-5.4-mini',
    });
    try {
      const user = await createTestUser(wrongKey);
      const response = await fetch(`${wrongKey.url}/v1/ai/chat/completions`, {
        method: 'POST',
        headers: user.headers,
        body: JSON.stringify(ask('hi')),
      });
      const text = await response.text();
      expect(response.status).toBe(502);
      expect(text).not.toMatch(/sk-|cdef|Incorrect API key/);
    } finally {
      await wrongKey.close();
    }
  });
});

describe('cloud-AI proxy: cancel and feature off', () => {
  it('cancels the upstream call when the device goes away mid-stream, and charges only what was produced', async () => {
    const user = await createTestUser(server);
    peer.inject({ kind: 'stall-mid-stream', afterDeltas: 2 });
    const controller = new AbortController();
    const response = await chat(
      user,
      ask('a long answer that the device will not wait for', { stream: true }),
      controller.signal,
    );
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain('data: ');
    const upstreamCall = peer.requests.at(-1);
    controller.abort();
    if (!upstreamCall) throw new Error('the upstream was not called');
    await waitForClientToLeave(upstreamCall);
    expect(upstreamCall.abortedByClient).toBe(true);
    // Settled to the estimate of what was produced (prompt + two deltas), far below the hold.
    await expect.poll(() => used(user)).toBeLessThan(50);
    expect(await used(user)).toBeGreaterThan(0);
  });

  it('ends a stream the upstream dropped with an error event, charging the prompt and what was streamed', async () => {
    const user = await createTestUser(server);
    peer.inject({ kind: 'drop-mid-stream', afterDeltas: 2 });
    const response = await chat(user, ask('this answer will be cut off', { stream: true }));
    expect(response.status).toBe(200);
    const events = dataEvents(await response.text());
    expect(events).not.toContain('[DONE]');
    expect(JSON.parse(events.at(-1) ?? '{}')).toEqual({
      error: { message: expect.stringContaining('cut off'), type: 'server_error', code: 'upstream_failed' },
    });
    const spent = await used(user);
    expect(spent).toBeGreaterThan(0);
    // Far below the hold (prompt estimate + 50): the unused part of the answer limit came back.
    expect(spent).toBeLessThan(25);
  });

  it('answers 503 unavailable with a plain message when no upstream is configured', async () => {
    const off = await startTestSyncServer();
    try {
      const user = await createTestUser(off);
      for (const response of [
        await fetch(`${off.url}/v1/ai/chat/completions`, {
          method: 'POST',
          headers: user.headers,
          body: JSON.stringify(ask('hi')),
        }),
        await fetch(`${off.url}/v1/ai/models`, { headers: user.headers }),
      ]) {
        expect(response.status).toBe(503);
        expect(await errorOf(response)).toMatchObject({
          code: 'unavailable',
          message: expect.stringContaining('does not offer the cloud model'),
        });
      }
    } finally {
      await off.close();
    }
  });
});
