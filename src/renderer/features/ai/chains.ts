import type { ChainEntry } from '../../../shared/domain/llm';
import type { LocalModel } from '../../../shared/contract/llm-admin';
import { providerLabel } from './labels';

/**
 * Puts a model first in a task's chain and keeps the other providers' steps in their order, so
 * picking an Ollama model gives [ollama/<model>, ...the existing non-Ollama steps].
 */
export function withFirstChoice(chain: readonly ChainEntry[], first: ChainEntry): ChainEntry[] {
  return [first, ...chain.filter((entry) => entry.provider !== first.provider)];
}

export function chainEntryLabel(entry: ChainEntry): string {
  return `${providerLabel(entry.provider)} · ${entry.model}`;
}

/** The key a <select> uses for a step: "ollama/llama3.2:3b". */
export function entryKey(entry: ChainEntry): string {
  return `${entry.provider}/${entry.model}`;
}

/** The inverse of entryKey for local models; null for anything else. */
export function entryFromKey(key: string): ChainEntry | null {
  const slash = key.indexOf('/');
  const provider = key.slice(0, slash);
  const model = key.slice(slash + 1);
  if (slash <= 0 || !model || (provider !== 'ollama' && provider !== 'embedded')) return null;
  return { provider, model };
}

/** Installed models as chain steps, Ollama first, each once. */
export function localChoices(models: readonly LocalModel[]): ChainEntry[] {
  const seen = new Set<string>();
  const choices: ChainEntry[] = [];
  for (const model of [...models].sort((a, b) => (a.provider === b.provider ? 0 : a.provider === 'ollama' ? -1 : 1))) {
    const entry: ChainEntry = { provider: model.provider, model: model.id };
    if (seen.has(entryKey(entry))) continue;
    seen.add(entryKey(entry));
    choices.push(entry);
  }
  return choices;
}

/** What a task's picker shows: the user's pick, else the current first step, else the first choice. */
export function selectedChoice(choices: readonly ChainEntry[], picked: string, first: ChainEntry | undefined): string {
  const keys = choices.map(entryKey);
  if (keys.includes(picked)) return picked;
  if (first && keys.includes(entryKey(first))) return entryKey(first);
  return keys[0] ?? '';
}
