import { afterEach, describe, expect, it } from 'vitest';
import { type LlmHarness, startLlm } from './llm.service.test-support';
import { answer, fail, hang, ignoreSignal, ScriptedProvider } from './router/scripted-provider.test-support';

let h: LlmHarness;
afterEach(() => h?.dispose());

const REQUEST_ID = '5d0c2a8e-1f3b-4c6d-8e9f-0a1b2c3d4e5f';
const draft = { task: 'drafting' as const, prompt: 'Write a hook about sourdough', maxTokens: 200 };

describe('fallback chain', () => {
  it('tries the next provider when the first fails transiently, and records both attempts', async () => {
    const ollama = new ScriptedProvider('ollama', 'local', fail('transient'));
    const embedded = new ScriptedProvider('embedded', 'local', answer(['Crumb ', 'and ', 'crust']));
    h = await startLlm({ ollama, embedded });

    const result = await h.llm.generate({ ...draft, requestId: REQUEST_ID });

    expect(result).toMatchObject({
      text: 'Crumb and crust',
      provider: 'embedded',
      fallbackPosition: 1,
      finishReason: 'stop',
    });
    expect(ollama.calls).toHaveLength(1);
    const rows = await h.usageRows();
    expect(rows.map((r) => [r.provider, r.fallbackPosition, r.outcome, r.errorKind])).toEqual([
      ['ollama', 0, 'error', 'transient'],
      ['embedded', 1, 'ok', null],
    ]);
    expect(rows.every((r) => r.requestId === REQUEST_ID && r.task === 'drafting')).toBe(true);
    expect(result.usageId).toBe(rows[1]?.id);
    const names = h.events.map((e) => e.name);
    expect(names.filter((n) => n === 'llm:attempt')).toHaveLength(2);
    expect(h.events.filter((e) => e.name === 'llm:token').map((e) => e.payload)).toEqual(
      ['Crumb ', 'and ', 'crust'].map((text) => ({ requestId: REQUEST_ID, text })),
    );
    expect(h.events.at(-1)).toEqual({
      name: 'llm:done',
      payload: { requestId: REQUEST_ID, outcome: 'ok', usageId: result.usageId },
    });
  });

  it('skips a provider that is not set up on this device', async () => {
    const embedded = new ScriptedProvider('embedded', 'local', answer(['ok']));
    h = await startLlm({ embedded });
    expect(await h.llm.generate(draft)).toMatchObject({ provider: 'embedded', fallbackPosition: 1 });
    expect(await h.usageRows()).toHaveLength(1);
  });

  it('does not fall back on the request’s own mistakes (context too long)', async () => {
    const ollama = new ScriptedProvider('ollama', 'local', fail('context_too_long', { provider: 'ollama' }));
    const embedded = new ScriptedProvider('embedded', 'local', answer(['never']));
    h = await startLlm({ ollama, embedded });
    const result = await h.dispatcher.invoke('llm:generate-text', draft);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { kind: 'context_too_long', provider: 'ollama' } },
    });
    expect(embedded.calls).toHaveLength(0);
  });

  it('fails with UNAVAILABLE naming the kind, provider and retry hint when every step fails', async () => {
    const ollama = new ScriptedProvider('ollama', 'local', fail('provider_down', { provider: 'ollama' }));
    const embedded = new ScriptedProvider(
      'embedded',
      'local',
      fail('rate_limited', { provider: 'embedded', retryAfterMs: 2000 }),
    );
    h = await startLlm({ ollama, embedded });
    const result = await h.dispatcher.invoke('llm:generate-text', { ...draft, requestId: REQUEST_ID });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        details: {
          kind: 'rate_limited',
          provider: 'embedded',
          retryAfterMs: 2000,
          attempts: [
            { provider: 'ollama', errorKind: 'provider_down' },
            { provider: 'embedded', errorKind: 'rate_limited' },
          ],
        },
      },
    });
    expect((await h.usageRows()).map((r) => r.outcome)).toEqual(['error', 'error']);
    expect(h.events.at(-1)).toEqual({
      name: 'llm:done',
      payload: { requestId: REQUEST_ID, outcome: 'error', usageId: null },
    });
  });

  it('says plainly when no provider is set up at all', async () => {
    h = await startLlm({});
    const result = await h.dispatcher.invoke('llm:generate-text', draft);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { kind: 'provider_down' } } });
    expect(await h.usageRows()).toHaveLength(0);
  });
});

describe('timeouts', () => {
  it('falls back when no first token arrives in time, aborting the stuck call', async () => {
    const ollama = new ScriptedProvider('ollama', 'local', hang());
    const embedded = new ScriptedProvider('embedded', 'local', answer(['late but here']));
    h = await startLlm({ ollama, embedded }, { settings: { firstTokenTimeoutMs: 50 } });
    const result = await h.llm.generate(draft);
    expect(result.provider).toBe('embedded');
    expect(ollama.calls[0]?.signal?.aborted).toBe(true);
    const [stuck] = await h.usageRows();
    expect(stuck).toMatchObject({ provider: 'ollama', outcome: 'error', errorKind: 'timeout', ttftMs: null });
    expect(stuck?.durationMs).toBeGreaterThanOrEqual(45);
  });

  it('falls back even from a provider that ignores its abort signal', async () => {
    const ollama = new ScriptedProvider('ollama', 'local', ignoreSignal());
    const embedded = new ScriptedProvider('embedded', 'local', answer(['fine']));
    h = await startLlm({ ollama, embedded }, { settings: { firstTokenTimeoutMs: 50 } });
    expect((await h.llm.generate(draft)).text).toBe('fine');
  });

  it('falls back when the whole generation runs past the overall limit, without mixing streams', async () => {
    const slow = Array.from({ length: 200 }, (_, i) => `s${i} `);
    const ollama = new ScriptedProvider('ollama', 'local', answer(slow, { delayMs: 10 }));
    const embedded = new ScriptedProvider('embedded', 'local', answer(['quick']));
    h = await startLlm({ ollama, embedded }, { settings: { firstTokenTimeoutMs: 1000, overallTimeoutMs: 150 } });
    const result = await h.llm.generate({ ...draft, requestId: REQUEST_ID });
    expect(result).toMatchObject({ provider: 'embedded', text: 'quick' });
    const [timedOut] = await h.usageRows();
    expect(timedOut).toMatchObject({ outcome: 'error', errorKind: 'timeout' });
    expect(timedOut?.ttftMs).not.toBeNull();
    // The UI learns of the switch before the fallback's first token.
    const sequence = h.events.map((e) => (e.name === 'llm:token' ? (e.payload as { text: string }).text : e.name));
    const switchAt = sequence.lastIndexOf('llm:attempt');
    expect(sequence.slice(switchAt + 1)).toEqual(['quick', 'llm:done']);
  });
});

describe('cancel', () => {
  it('stops a stream mid-way through llm:cancel-generation and records it as cancelled', async () => {
    const words = Array.from({ length: 50 }, (_, i) => `w${i} `);
    const ollama = new ScriptedProvider('ollama', 'local', answer(words, { delayMs: 15 }));
    const embedded = new ScriptedProvider('embedded', 'local', answer(['must not run']));
    h = await startLlm({ ollama, embedded });
    let cancelled: Promise<unknown> | null = null;
    h.t.core.events.onAny((name) => {
      if (name === 'llm:token' && !cancelled) {
        cancelled = h.dispatcher.invoke('llm:cancel-generation', { requestId: REQUEST_ID });
      }
    });

    const result = await h.dispatcher.invoke('llm:generate-text', { ...draft, requestId: REQUEST_ID });

    expect(await cancelled).toEqual({ ok: true, value: { cancelled: true } });
    expect(result).toMatchObject({ ok: true, value: { finishReason: 'cancelled', provider: 'ollama' } });
    const value = (result as { value: { text: string } }).value;
    expect(value.text.length).toBeGreaterThan(0);
    expect(value.text.length).toBeLessThan(words.join('').length);
    expect(ollama.calls[0]?.signal?.aborted).toBe(true);
    expect(embedded.calls).toHaveLength(0);
    const rows = await h.usageRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'cancelled', errorKind: null, provider: 'ollama' });
    expect(rows[0]?.tokensOut).toBeGreaterThan(0);
    expect(h.events.at(-1)?.payload).toMatchObject({ outcome: 'cancelled', usageId: rows[0]?.id });
    ollama.behave(answer(['again']));
    expect(await h.llm.generate(draft)).toMatchObject({ finishReason: 'stop', text: 'again' });
  });

  it('answers false for a request that is not running', async () => {
    h = await startLlm({});
    expect(await h.dispatcher.invoke('llm:cancel-generation', { requestId: REQUEST_ID })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('refuses a second generation with a request id that is still running', async () => {
    const ollama = new ScriptedProvider('ollama', 'local', answer(['a', 'b', 'c'], { delayMs: 20 }));
    h = await startLlm({ ollama });
    const first = h.llm.generate({ ...draft, requestId: REQUEST_ID });
    const second = await h.dispatcher.invoke('llm:generate-text', { ...draft, requestId: REQUEST_ID });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await first).text).toBe('abc');
  });
});
