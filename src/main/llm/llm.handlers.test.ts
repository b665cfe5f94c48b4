import { afterEach, describe, expect, it } from 'vitest';
import { type LlmHarness, startLlm } from './llm.service.test-support';
import { answer, fail, ScriptedProvider } from './router/scripted-provider.test-support';

let h: LlmHarness;
afterEach(() => h?.dispose());

const draft = { task: 'drafting', prompt: 'Write a hook', maxTokens: 50 };

describe('llm channels', () => {
  it('generate from a system message and prompt, or from messages', async () => {
    const ollama = new ScriptedProvider('ollama', 'local', answer(['ok']));
    h = await startLlm({ ollama });
    await h.dispatcher.invoke('llm:generate-text', { ...draft, system: 'Be brief.', temperature: 0.2 });
    await h.dispatcher.invoke('llm:generate-text', {
      task: 'coaching',
      messages: [{ role: 'user', content: 'How often should I post?' }],
      jsonSchema: { type: 'object' },
    });
    expect(ollama.calls.map((c) => [c.messages, c.maxTokens, c.temperature, c.jsonSchema])).toEqual([
      [
        [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Write a hook' },
        ],
        50,
        0.2,
        undefined,
      ],
      [[{ role: 'user', content: 'How often should I post?' }], 1024, undefined, { type: 'object' }],
    ]);
  });

  it('get and save settings: a patch changes only what it names', async () => {
    h = await startLlm({});
    const saved = await h.dispatcher.invoke('llm:save-settings', { privacyMode: true, perGenerationCeilingUsd: 0.05 });
    expect(saved).toMatchObject({ ok: true, value: { privacyMode: true, perGenerationCeilingUsd: 0.05 } });
    const read = await h.dispatcher.invoke('llm:get-settings', {});
    expect(read).toMatchObject({ ok: true, value: { privacyMode: true, monthlyCeilingUsd: 5 } });
    const twice = { provider: 'ollama', model: 'a' };
    const refused = await h.dispatcher.invoke('llm:save-settings', { chains: { drafting: [twice, twice] } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('rate a generation later; the rating shows in the usage report', async () => {
    const ollama = new ScriptedProvider('ollama', 'local', answer(['nice']));
    h = await startLlm({ ollama });
    const generated = await h.llm.generate({ task: 'drafting', prompt: 'x', maxTokens: 10 });
    const usageId = generated.usageId!;
    expect(await h.dispatcher.invoke('llm:rate-generation', { usageId, rating: 4 })).toEqual({
      ok: true,
      value: { usageId, rating: 4 },
    });
    const usage = await h.dispatcher.invoke('llm:get-usage', {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(usage).toMatchObject({
      ok: true,
      value: { totals: { calls: 1, avgRating: 4 }, localShare: 1, month: { spentUsd: 0, ceilingUsd: 5 } },
    });
  });

  it('refuse to rate what does not exist or produced nothing', async () => {
    const ollama = new ScriptedProvider('ollama', 'local', fail('provider_down'));
    h = await startLlm({ ollama });
    expect(await h.dispatcher.invoke('llm:rate-generation', { usageId: 999, rating: 3 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await h.dispatcher.invoke('llm:generate-text', draft);
    const [failed] = await h.usageRows();
    expect(await h.dispatcher.invoke('llm:rate-generation', { usageId: failed!.id, rating: 3 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('list the providers set up here with their location and circuit state', async () => {
    h = await startLlm({
      ollama: new ScriptedProvider('ollama', 'local', answer(['x'])),
      openai: new ScriptedProvider('openai', 'cloud', answer(['x'])),
    });
    expect(await h.dispatcher.invoke('llm:list-providers', {})).toEqual({
      ok: true,
      value: [
        { id: 'ollama', location: 'local', circuit: 'closed' },
        { id: 'openai', location: 'cloud', circuit: 'closed' },
      ],
    });
  });
});
