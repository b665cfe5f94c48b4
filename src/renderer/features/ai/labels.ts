import type { LlmTaskName, ProviderName } from '../../../shared/domain/llm';

/** How tasks and providers are named on screen. */
export const TASK_LABELS: Record<LlmTaskName, string> = {
  drafting: 'Drafting',
  rewriting: 'Rewriting',
  hashtags: 'Hashtags',
  classification: 'Classification',
  coaching: 'Coaching',
  embeddings: 'Embeddings',
};

export const PROVIDER_LABELS: Record<ProviderName, string> = {
  ollama: 'Ollama',
  embedded: 'Embedded engine',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  groq: 'Groq',
  perplexity: 'Perplexity',
  meta: 'Meta',
  cadence: 'Cadence Cloud',
};

/** A provider id as shown to people; unknown ids (from older usage rows) pass through. */
export function providerLabel(id: string): string {
  return Object.hasOwn(PROVIDER_LABELS, id) ? PROVIDER_LABELS[id as ProviderName] : id;
}

/** A task id as shown to people; unknown ids pass through. */
export function taskLabel(id: string): string {
  return Object.hasOwn(TASK_LABELS, id) ? TASK_LABELS[id as LlmTaskName] : id;
}

/** "ollama/llama3.2:3b" (how usage keys models) as "Ollama · llama3.2:3b". */
export function modelKeyLabel(key: string): string {
  const slash = key.indexOf('/');
  if (slash <= 0) return key;
  return `${providerLabel(key.slice(0, slash))} · ${key.slice(slash + 1)}`;
}
