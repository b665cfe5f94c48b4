import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../shared/contract/errors';
import { DEFAULT_LLM_SETTINGS } from '../../../shared/domain/llm';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { LlmSettingsStore } from './llm-settings.store';

let t: TestCore;
const store = () => new LlmSettingsStore(t.core.database.db, t.clock);
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());

describe('LLM settings', () => {
  it('default to local first (Ollama, then the embedded model), no cloud, privacy off, $0.10 a generation', async () => {
    const settings = await store().get();
    expect(settings).toEqual(DEFAULT_LLM_SETTINGS);
    expect(settings.chains.drafting.map((s) => s.provider)).toEqual(['ollama', 'embedded']);
    expect(
      Object.values(settings.chains)
        .flat()
        .every((s) => ['ollama', 'embedded'].includes(s.provider)),
    ).toBe(true);
    expect(settings).toMatchObject({ privacyMode: false, allowedCloudTasks: [], perGenerationCeilingUsd: 0.1 });
  });

  it('change only the fields given, and persist across restarts', async () => {
    await store().update({
      privacyMode: true,
      chains: { hashtags: [{ provider: 'groq', model: 'llama-3.1-8b-instant' }] },
    });
    await store().update({ monthlyCeilingUsd: 12, allowedCloudTasks: ['hashtags', 'hashtags'] });
    const saved = await store().get();
    expect(saved).toMatchObject({ privacyMode: true, monthlyCeilingUsd: 12, allowedCloudTasks: ['hashtags'] });
    expect(saved.chains.hashtags).toEqual([{ provider: 'groq', model: 'llama-3.1-8b-instant' }]);
    expect(saved.chains.drafting).toEqual(DEFAULT_LLM_SETTINGS.chains.drafting);
  });

  it('refuse an invalid policy with field issues and keep the saved one', async () => {
    const s = store();
    const twice = { provider: 'ollama' as const, model: 'llama3.2:3b' };
    const error = await s.update({ chains: { drafting: [twice, twice] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: ['chains', 'drafting'] }] } });
    expect(await store().get()).toEqual(DEFAULT_LLM_SETTINGS);
  });

  it('fail closed: a damaged saved policy reads as the defaults with privacy mode on', async () => {
    t.core.database.raw
      .prepare('insert into llm_settings (id, policy, updated_at) values (1, \'{"privacyMode": "maybe"}\', \'x\')')
      .run();
    const problems: unknown[] = [];
    const settings = await new LlmSettingsStore(t.core.database.db, t.clock, (e) => problems.push(e)).get();
    expect(settings).toEqual({ ...DEFAULT_LLM_SETTINGS, privacyMode: true });
    expect(problems).toHaveLength(1);
  });

  it('hand out copies, so a caller cannot change the policy in memory', async () => {
    const s = store();
    const settings = await s.get();
    settings.privacyMode = true;
    settings.chains.drafting.length = 0;
    expect(await s.get()).toEqual(DEFAULT_LLM_SETTINGS);
  });
});
