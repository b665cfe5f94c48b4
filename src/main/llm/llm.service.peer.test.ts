import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LlmSettingsPatch } from '../../shared/domain/llm';
import { OPENAI_PEER_KEY, openAiFaults, startOpenAiPeer } from '../../../test/peers/openai/server';
import type { ChatPeer } from '../../../test/peers/shared/chat-completions-peer';
import { type LlmHarness, startLlm } from './llm.service.test-support';
import { CHAT_FLAVOURS } from './providers/openai-compatible.flavours';
import { OpenAiCompatibleProvider } from './providers/openai-compatible.provider';
import { answer, ScriptedProvider } from './router/scripted-provider.test-support';

/** The router in front of the real OpenAI provider (official SDK) talking HTTP to the OpenAI peer. */
let peer: ChatPeer;
let h: LlmHarness;
beforeAll(async () => {
  peer = await startOpenAiPeer();
});
afterAll(() => peer.close());
afterEach(() => h?.dispose());

const REQUEST_ID = '0b7e9a1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d';
const price = { inPerM: 0.25, outPerM: 2 };
const cloudFirst: LlmSettingsPatch = {
  chains: {
    drafting: [
      { provider: 'openai', model: 'gpt-5.4-mini' },
      { provider: 'ollama', model: 'llama3.2:3b' },
    ],
  },
  allowedCloudTasks: ['drafting'],
};
const draft = { task: 'drafting' as const, prompt: 'a hook about rye bread', maxTokens: 100 };

async function start(settings: LlmSettingsPatch, withLocal = true) {
  const openai = new OpenAiCompatibleProvider(CHAT_FLAVOURS.openai, { apiKey: OPENAI_PEER_KEY, baseURL: peer.baseURL });
  const ollama = new ScriptedProvider('ollama', 'local', answer(['kept ', 'local']));
  h = await startLlm(withLocal ? { openai, ollama } : { openai }, { settings, priceOf: () => price });
  return { ollama };
}

describe('router + OpenAI provider + OpenAI HTTP peer', () => {
  it('privacy mode: not one request reaches the cloud peer, with OpenAI first in the chain', async () => {
    await start({ ...cloudFirst, privacyMode: true });
    const before = peer.requests.length;
    expect(await h.llm.generate(draft)).toMatchObject({ provider: 'ollama', text: 'kept local' });
    await h.llm.saveSettings({ chains: { drafting: [{ provider: 'openai', model: 'gpt-5.4-mini' }] } });
    const refused = await h.dispatcher.invoke('llm:generate-text', draft);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'privacy_blocked' } } });
    expect(peer.requests.length - before).toBe(0);
  });

  it('records a cloud answer with the tokens the service reported, its cost, ttft and speed', async () => {
    await start(cloudFirst);
    const result = await h.llm.generate(draft);
    const sent = peer.requests.at(-1);
    expect(result).toMatchObject({ provider: 'openai', text: 'You said: a hook about rye bread' });
    const [row] = await h.usageRows();
    expect({ input: row?.tokensIn, output: row?.tokensOut }).toEqual(sent?.reportedUsage);
    expect(row?.costUsd).toBeCloseTo(((row?.tokensIn ?? 0) * 0.25 + (row?.tokensOut ?? 0) * 2) / 1e6, 12);
    expect(row?.ttftMs).not.toBeNull();
    expect(row?.tokensPerSecond).toBeGreaterThan(0);
  });

  it('falls back to the local model when the service fails, recording both calls', async () => {
    await start(cloudFirst);
    peer.inject(openAiFaults.serverError(503));
    expect(await h.llm.generate(draft)).toMatchObject({ provider: 'ollama', fallbackPosition: 1 });
    const rows = await h.usageRows();
    expect(rows.map((r) => [r.provider, r.outcome, r.costUsd])).toEqual([
      ['openai', 'error', 0],
      ['ollama', 'ok', 0],
    ]);
  });

  it('a rate limit with no local fallback reaches the caller as UNAVAILABLE with the retry hint', async () => {
    await start(cloudFirst, false);
    peer.inject(openAiFaults.rateLimited({ retryAfter: '3' }));
    const result = await h.dispatcher.invoke('llm:generate-text', draft);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', details: { kind: 'rate_limited', provider: 'openai', retryAfterMs: 3000 } },
    });
  });

  it('cancel mid-stream closes the HTTP request and records the call as cancelled', async () => {
    await start(cloudFirst);
    peer.inject({ kind: 'stall-mid-stream', afterDeltas: 2 });
    h.t.core.events.onAny((name) => {
      if (name === 'llm:token') h.llm.cancel(REQUEST_ID);
    });
    const result = await h.llm.generate({ ...draft, requestId: REQUEST_ID });
    expect(result).toMatchObject({ finishReason: 'cancelled', provider: 'openai' });
    expect(result.text.length).toBeGreaterThan(0);
    const sent = peer.requests.at(-1)!;
    await sent.closed;
    expect(sent.abortedByClient).toBe(true);
    const [row] = await h.usageRows();
    expect(row).toMatchObject({ provider: 'openai', outcome: 'cancelled' });
    // The streamed part is billed by the service, so it counts against the budget.
    expect(row?.costUsd).toBeGreaterThan(0);
  });

  it('a service slow to send its first byte times out and the local model answers', async () => {
    await start({ ...cloudFirst, firstTokenTimeoutMs: 200 });
    peer.inject({ kind: 'slow-first-byte', delayMs: 3000 });
    expect(await h.llm.generate(draft)).toMatchObject({ provider: 'ollama' });
    const sent = peer.requests.at(-1)!;
    await sent.closed;
    expect(sent.abortedByClient).toBe(true);
    expect((await h.usageRows())[0]).toMatchObject({ provider: 'openai', outcome: 'error', errorKind: 'timeout' });
  });
});
