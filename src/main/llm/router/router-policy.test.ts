import { afterEach, describe, expect, it } from 'vitest';
import type { LlmSettingsPatch } from '../../../shared/domain/llm';
import { type LlmHarness, startLlm } from '../llm.service.test-support';
import type { UsageRecord } from '../usage/usage.repository';
import { answer, fail, ScriptedProvider } from './scripted-provider.test-support';

let h: LlmHarness;
afterEach(() => h?.dispose());

const draft = { task: 'drafting' as const, prompt: 'Write a hook about sourdough', maxTokens: 200 };
const cloudFirst: LlmSettingsPatch = {
  chains: {
    drafting: [
      { provider: 'openai', model: 'gpt-5.4-mini' },
      { provider: 'ollama', model: 'llama3.2:3b' },
    ],
  },
  allowedCloudTasks: ['drafting'],
};

function providers() {
  return {
    openai: new ScriptedProvider('openai', 'cloud', answer(['from ', 'the ', 'cloud'], { tokensIn: 1000 })),
    ollama: new ScriptedProvider('ollama', 'local', answer(['from ', 'here'])),
  };
}

describe('privacy mode', () => {
  it('never reaches a cloud provider, even when it is first in the chain and allowed', async () => {
    const { openai, ollama } = providers();
    h = await startLlm({ openai, ollama }, { settings: { ...cloudFirst, privacyMode: true } });
    const result = await h.llm.generate(draft);
    expect(result).toMatchObject({ provider: 'ollama', text: 'from here', fallbackPosition: 1 });
    expect(openai.calls).toHaveLength(0);
    expect(openai.countCalls).toBe(0);
    expect((await h.usageRows()).map((r) => r.location)).toEqual(['local']);
  });

  it('refuses with FORBIDDEN (reason privacy_blocked) when only cloud could answer', async () => {
    const { openai } = providers();
    h = await startLlm({ openai }, { settings: { ...cloudFirst, privacyMode: true } });
    const result = await h.dispatcher.invoke('llm:generate-text', draft);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'privacy_blocked' } } });
    expect(openai.calls).toHaveLength(0);
    expect(openai.countCalls).toBe(0);
  });

  it('uses the cloud once privacy mode is off and the task is allowed', async () => {
    const { openai, ollama } = providers();
    h = await startLlm({ openai, ollama }, { settings: cloudFirst });
    expect(await h.llm.generate(draft)).toMatchObject({ provider: 'openai', fallbackPosition: 0 });
  });

  it('keeps cloud off for tasks the user did not allow, and for providers without a key', async () => {
    const { openai, ollama } = providers();
    h = await startLlm({ openai, ollama }, { settings: { ...cloudFirst, allowedCloudTasks: ['hashtags'] } });
    expect((await h.llm.generate(draft)).provider).toBe('ollama');
    await h.llm.saveSettings({ allowedCloudTasks: ['drafting'] });
    await h.dispose();

    h = await startLlm({ openai, ollama }, { settings: cloudFirst, hasCloudKey: async () => false });
    const result = await h.dispatcher.invoke('llm:generate-text', { ...draft, task: 'drafting' });
    expect(result).toMatchObject({ ok: true, value: { provider: 'ollama' } });
    expect(openai.calls).toHaveLength(0);
  });
});

describe('cost ceilings', () => {
  const pricey = () => ({ inPerM: 10, outPerM: 40 });

  it('refuses a generation whose estimate is above the per-generation ceiling before calling the provider', async () => {
    const { openai } = providers();
    h = await startLlm({ openai }, { settings: cloudFirst, priceOf: pricey });
    // 5000 output tokens at $40/M is $0.20 before a single prompt token: above the $0.10 default.
    const result = await h.dispatcher.invoke('llm:generate-text', { ...draft, maxTokens: 5000 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'budget_exceeded', skipped: [{ provider: 'openai' }, {}] } },
    });
    expect(!result.ok && result.error.message).toMatch(/\$0\.10 per-generation ceiling/);
    expect(openai.calls).toHaveLength(0);
    expect(await h.usageRows()).toHaveLength(0);
  });

  it('falls back to a free local model when the cloud step would cost too much', async () => {
    const { openai, ollama } = providers();
    h = await startLlm({ openai, ollama }, { settings: cloudFirst, priceOf: pricey });
    expect(await h.llm.generate({ ...draft, maxTokens: 5000 })).toMatchObject({ provider: 'ollama', costUsd: 0 });
    expect(openai.calls).toHaveLength(0);
  });

  it('refuses a model whose price is unknown, since its cost cannot be checked', async () => {
    const { openai } = providers();
    h = await startLlm({ openai }, { settings: cloudFirst, priceOf: () => null });
    const result = await h.dispatcher.invoke('llm:generate-text', draft);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'budget_exceeded' } } });
    expect(openai.calls).toHaveLength(0);
  });

  it('refuses once this calendar month’s recorded spend plus the estimate passes the monthly ceiling', async () => {
    const { openai, ollama } = providers();
    h = await startLlm({ openai, ollama }, { settings: { ...cloudFirst, monthlyCeilingUsd: 1 }, priceOf: pricey });
    await h.llm.usage.insert(spent(0.995, '2026-11-02T08:00:00.000Z'));
    await h.llm.usage.insert(spent(50, '2026-10-31T23:59:59.000Z')); // last month: does not count

    // Estimate: ~9 prompt tokens at $10/M + 200 at $40/M ≈ $0.0081, and 0.995 + 0.0081 > 1.
    const refused = await h.llm.generate(draft);
    expect(refused.provider).toBe('ollama');
    expect(openai.calls).toHaveLength(0);

    h.t.clock.set('2026-12-01T00:00:00.000Z');
    expect((await h.llm.generate(draft)).provider).toBe('openai');
    expect((await h.llm.usageReport('2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z')).month.spentUsd).toBeGreaterThan(0);
  });

  it('records what a cloud answer cost, with ttft and tokens per second', async () => {
    const { openai } = providers();
    h = await startLlm({ openai }, { settings: cloudFirst, priceOf: () => ({ inPerM: 2, outPerM: 8 }) });
    const result = await h.llm.generate(draft);
    const [row] = await h.usageRows();
    // The scripted provider reports 1000 tokens in and one token per chunk (3) out.
    expect(row).toMatchObject({ provider: 'openai', location: 'cloud', outcome: 'ok', tokensIn: 1000, tokensOut: 3 });
    expect(row?.costUsd).toBeCloseTo((1000 * 2 + 3 * 8) / 1e6, 12);
    expect(result.costUsd).toBe(row?.costUsd);
    expect(row?.ttftMs).toBeGreaterThan(0);
    expect(row?.tokensPerSecond).toBeGreaterThan(0);
    expect(row?.createdAt).toBe('2026-11-25T10:00:00.000Z');
  });
});

describe('circuit breaker in the chain', () => {
  it('skips a provider after repeated failures, then tries it again after the cool-down', async () => {
    const ollama = new ScriptedProvider('ollama', 'local', fail('provider_down'));
    const embedded = new ScriptedProvider('embedded', 'local', answer(['backup']));
    h = await startLlm({ ollama, embedded }, { breaker: { failureThreshold: 2, coolDownMs: 60_000 } });

    await h.llm.generate(draft);
    await h.llm.generate(draft);
    expect(ollama.calls).toHaveLength(2);
    expect(h.llm.listProviders()).toContainEqual({ id: 'ollama', location: 'local', circuit: 'open' });

    expect(await h.llm.generate(draft)).toMatchObject({ provider: 'embedded', fallbackPosition: 1 });
    expect(ollama.calls).toHaveLength(2);

    h.t.clock.advance(60_000);
    ollama.behave(answer(['back up']));
    expect(await h.llm.generate(draft)).toMatchObject({ provider: 'ollama', text: 'back up' });
    expect(h.llm.listProviders()).toContainEqual({ id: 'ollama', location: 'local', circuit: 'closed' });
  });
});

function spent(costUsd: number, createdAt: string): UsageRecord {
  return {
    requestId: 'seed',
    task: 'drafting',
    provider: 'openai',
    model: 'gpt-5.4-mini',
    location: 'cloud',
    fallbackPosition: 0,
    outcome: 'ok',
    errorKind: null,
    tokensIn: 100,
    tokensOut: 100,
    ttftMs: 100,
    tokensPerSecond: 50,
    durationMs: 2100,
    costUsd,
    createdAt,
  };
}
