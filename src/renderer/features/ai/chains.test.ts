import { describe, expect, it } from 'vitest';
import type { LocalModel } from '../../../shared/contract/llm-admin';
import type { ChainEntry } from '../../../shared/domain/llm';
import { chainEntryLabel, entryFromKey, entryKey, localChoices, selectedChoice, withFirstChoice } from './chains';

const chain: ChainEntry[] = [
  { provider: 'ollama', model: 'llama3.2:3b' },
  { provider: 'embedded', model: 'llama-3.2-3b-instruct-q4_k_m' },
  { provider: 'openai', model: 'gpt-4o-mini' },
];

function local(provider: LocalModel['provider'], id: string): LocalModel {
  return {
    provider,
    id,
    sizeBytes: null,
    contextLength: null,
    parameterSize: null,
    quantization: null,
    fit: null,
    fitReason: null,
  };
}

describe('task chains', () => {
  it('puts an Ollama model first and keeps the non-Ollama steps in order', () => {
    expect(withFirstChoice(chain, { provider: 'ollama', model: 'tinyllama:1.1b' })).toEqual([
      { provider: 'ollama', model: 'tinyllama:1.1b' },
      { provider: 'embedded', model: 'llama-3.2-3b-instruct-q4_k_m' },
      { provider: 'openai', model: 'gpt-4o-mini' },
    ]);
  });

  it('works on an empty chain and does not change the one given', () => {
    const before = structuredClone(chain);
    expect(withFirstChoice([], { provider: 'embedded', model: 'x' })).toEqual([{ provider: 'embedded', model: 'x' }]);
    withFirstChoice(chain, { provider: 'embedded', model: 'x' });
    expect(chain).toEqual(before);
  });

  it('round-trips select keys for local models only', () => {
    const entry: ChainEntry = { provider: 'ollama', model: 'hf.co/org/model:q4' };
    expect(entryFromKey(entryKey(entry))).toEqual(entry);
    expect(entryFromKey('openai/gpt-4o')).toBeNull();
    expect(entryFromKey('nothing')).toBeNull();
    expect(chainEntryLabel(entry)).toBe('Ollama · hf.co/org/model:q4');
  });

  it('lists installed models as choices, Ollama first, without repeats', () => {
    const choices = localChoices([local('embedded', 'e1'), local('ollama', 'o1'), local('ollama', 'o1')]);
    expect(choices).toEqual([
      { provider: 'ollama', model: 'o1' },
      { provider: 'embedded', model: 'e1' },
    ]);
  });

  it('shows a pick that exists: the user’s, else the current first step, else the first choice', () => {
    const choices: ChainEntry[] = [
      { provider: 'ollama', model: 'a' },
      { provider: 'ollama', model: 'b' },
    ];
    expect(selectedChoice(choices, 'ollama/b', choices[0])).toBe('ollama/b');
    expect(selectedChoice(choices, 'ollama/gone', choices[1])).toBe('ollama/b');
    expect(selectedChoice(choices, '', { provider: 'ollama', model: 'not-installed' })).toBe('ollama/a');
    expect(selectedChoice([], '', undefined)).toBe('');
  });
});
