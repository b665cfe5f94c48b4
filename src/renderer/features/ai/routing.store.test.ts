import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../../shared/contract/errors';
import { DEFAULT_LLM_SETTINGS, type LlmSettings, type LlmSettingsPatch } from '../../../shared/domain/llm';

const saved: LlmSettingsPatch[] = [];
let settings: LlmSettings = structuredClone(DEFAULT_LLM_SETTINGS);
let refuse: ContractError | null = null;

vi.mock('./queries', () => ({
  getSettings: async () => settings,
  saveSettings: async (patch: LlmSettingsPatch) => {
    saved.push(patch);
    if (refuse) throw refuse;
    settings = { ...settings, ...patch, chains: { ...settings.chains, ...patch.chains } } as LlmSettings;
    return settings;
  },
}));

const { useRouting } = await import('./routing.store');

describe('task routing', () => {
  beforeEach(async () => {
    settings = structuredClone(DEFAULT_LLM_SETTINGS);
    settings.chains.drafting.push({ provider: 'openai', model: 'gpt-4o-mini' });
    saved.length = 0;
    refuse = null;
    useRouting.setState(useRouting.getInitialState());
    await useRouting.getState().load();
  });

  it('makes an Ollama model the first choice and keeps the other providers', async () => {
    await useRouting.getState().useModel('drafting', { provider: 'ollama', model: 'tinyllama:1.1b' });
    expect(saved).toEqual([
      {
        chains: {
          drafting: [
            { provider: 'ollama', model: 'tinyllama:1.1b' },
            { provider: 'embedded', model: 'llama-3.2-3b-instruct-q4_k_m' },
            { provider: 'openai', model: 'gpt-4o-mini' },
          ],
        },
      },
    ]);
    expect(useRouting.getState().settings?.chains.drafting[0]?.model).toBe('tinyllama:1.1b');
  });

  it('saves privacy mode and cloud tasks as patches', async () => {
    await useRouting.getState().setPrivacy(true);
    await useRouting.getState().toggleCloudTask('hashtags', true);
    expect(saved).toEqual([{ privacyMode: true }, { allowedCloudTasks: ['hashtags'] }]);
  });

  it('checks ceilings before saving and shows refusals under the field', async () => {
    useRouting.getState().editCeiling('monthlyCeilingUsd', '');
    await useRouting.getState().saveCeilings();
    expect(saved).toHaveLength(0);
    expect(useRouting.getState().fieldErrors.monthlyCeilingUsd).toMatch(/amount/);

    useRouting.getState().editCeiling('monthlyCeilingUsd', '-3');
    refuse = new ContractError('VALIDATION_FAILED', 'Invalid input', {
      issues: [{ path: ['monthlyCeilingUsd'], message: 'A ceiling cannot be negative' }],
    });
    await useRouting.getState().saveCeilings();
    expect(saved).toEqual([{ perGenerationCeilingUsd: 0.1, monthlyCeilingUsd: -3 }]);
    expect(useRouting.getState().fieldErrors.monthlyCeilingUsd).toBe('A ceiling cannot be negative');
  });
});

describe('switches', () => {
  it('flip at once and flip back when the core refuses', async () => {
    settings = structuredClone(DEFAULT_LLM_SETTINGS);
    useRouting.setState(useRouting.getInitialState());
    await useRouting.getState().load();
    refuse = new ContractError('INTERNAL', 'disk full');
    const saving = useRouting.getState().setPrivacy(true);
    expect(useRouting.getState().settings?.privacyMode).toBe(true);
    await saving;
    expect(useRouting.getState().settings?.privacyMode).toBe(false);
    refuse = null;
  });
});
