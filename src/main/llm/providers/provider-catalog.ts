import type { LlmTask, ProviderId } from '../provider';
import { ANTHROPIC_DEFAULT_BASE_URL } from './anthropic.provider';
import { CHAT_FLAVOURS } from './openai-compatible.flavours';
import { PERPLEXITY_DEFAULT_BASE_URL } from './perplexity.provider';

export type CloudProviderId = Extract<ProviderId, 'openai' | 'anthropic' | 'groq' | 'perplexity' | 'meta'>;

export interface CloudProviderEntry {
  id: CloudProviderId;
  displayName: string;
  defaultBaseURL: string;
  /** Where the API key lives in the SecretsPort; never in SQLite, logs or exports. */
  secretKey: `llm.apiKey.${CloudProviderId}`;
  /** Where a user creates a key, shown next to the key field. */
  keyPage: string;
  /** The model used for each task when the user has not chosen one. */
  defaultModels: Partial<Record<LlmTask, string>>;
}

/**
 * The five cloud providers. Model ids are the cheapest current model that fits each task, as listed
 * in resources/llm-prices.json; the user can pick any model the provider lists.
 */
export const CLOUD_PROVIDERS: readonly CloudProviderEntry[] = [
  {
    id: 'openai',
    displayName: CHAT_FLAVOURS.openai.displayName,
    defaultBaseURL: CHAT_FLAVOURS.openai.defaultBaseURL,
    secretKey: 'llm.apiKey.openai',
    keyPage: 'https://platform.openai.com/api-keys',
    defaultModels: {
      drafting: 'gpt-5.4-mini',
      rewriting: 'gpt-5.4-mini',
      hashtags: 'gpt-5.4-nano',
      classification: 'gpt-5.4-nano',
      coaching: 'gpt-5.4',
      embeddings: 'text-embedding-3-small',
    },
  },
  {
    id: 'anthropic',
    displayName: 'Anthropic',
    defaultBaseURL: ANTHROPIC_DEFAULT_BASE_URL,
    secretKey: 'llm.apiKey.anthropic',
    keyPage: 'https://platform.claude.com/settings/keys',
    defaultModels: {
      drafting: 'claude-sonnet-5-5',
      rewriting: 'claude-sonnet-5-5',
      hashtags: 'claude-haiku-4-5',
      classification: 'claude-haiku-4-5',
      coaching: 'claude-sonnet-5-5',
    },
  },
  {
    id: 'groq',
    displayName: CHAT_FLAVOURS.groq.displayName,
    defaultBaseURL: CHAT_FLAVOURS.groq.defaultBaseURL,
    secretKey: 'llm.apiKey.groq',
    keyPage: 'https://console.groq.com/keys',
    defaultModels: {
      drafting: 'llama-3.3-70b-versatile',
      rewriting: 'llama-3.3-70b-versatile',
      hashtags: 'llama-3.1-8b-instant',
      classification: 'llama-3.1-8b-instant',
      coaching: 'openai/gpt-oss-120b',
    },
  },
  {
    id: 'perplexity',
    displayName: 'Perplexity',
    defaultBaseURL: PERPLEXITY_DEFAULT_BASE_URL,
    secretKey: 'llm.apiKey.perplexity',
    keyPage: 'https://console.perplexity.ai',
    // Grounded, cited answers: worth it where current facts matter, not for hashtags or labels.
    defaultModels: { drafting: 'perplexity/sonar', coaching: 'perplexity/sonar' },
  },
  {
    id: 'meta',
    displayName: CHAT_FLAVOURS.meta.displayName,
    defaultBaseURL: CHAT_FLAVOURS.meta.defaultBaseURL,
    secretKey: 'llm.apiKey.meta',
    keyPage: 'https://llama.developer.meta.com',
    defaultModels: {
      drafting: 'Llama-4-Maverick-17B-128E-Instruct-FP8',
      rewriting: 'Llama-4-Maverick-17B-128E-Instruct-FP8',
      hashtags: 'Llama-3.3-8B-Instruct',
      classification: 'Llama-3.3-8B-Instruct',
      coaching: 'Llama-4-Maverick-17B-128E-Instruct-FP8',
    },
  },
];

export function isCloudProviderId(value: unknown): value is CloudProviderId {
  return CLOUD_PROVIDERS.some((entry) => entry.id === value);
}

export function cloudProviderEntry(id: CloudProviderId): CloudProviderEntry {
  const entry = CLOUD_PROVIDERS.find((candidate) => candidate.id === id);
  if (!entry) throw new RangeError(`Unknown cloud provider "${id}"`);
  return entry;
}

/**
 * The Cadence sync service's cloud model: no API key of its own (the sync sign-in is the
 * credential), metered against the plan's monthly tokens rather than billed per call. `default` is
 * the server's alias for whichever model it offers (src/server/ai/offer.ts).
 */
export const CADENCE_CLOUD = {
  id: 'cadence',
  displayName: 'Cadence Cloud',
  defaultModel: 'default',
  /** Shown where the provider cannot be used because nobody is signed in to sync. */
  signInMessage: 'Sign in to Cadence sync to use the cloud model',
} as const satisfies { id: ProviderId; displayName: string; defaultModel: string; signInMessage: string };
