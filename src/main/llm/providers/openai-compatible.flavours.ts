import type { ProviderId } from '../provider';

/**
 * The services reached through the Chat Completions protocol with the official `openai` SDK, and
 * what each does differently. Perplexity is not here: its chat-completions API was retired on
 * 2026-09-27, see perplexity.provider.ts.
 */
export interface ChatFlavour {
  id: Extract<ProviderId, 'openai' | 'groq' | 'meta' | 'cadence'>;
  displayName: string;
  defaultBaseURL: string;
  /** GPT-5-family and o-series models refuse `max_tokens`; Groq documents `max_tokens` as deprecated. */
  maxTokensField: 'max_completion_tokens' | 'max_tokens';
  /** Whether to ask for strict schema adherence (OpenAI Structured Outputs). */
  strictSchemas: boolean;
}

export const CHAT_FLAVOURS = {
  openai: {
    id: 'openai',
    displayName: 'OpenAI',
    defaultBaseURL: 'https://api.openai.com/v1',
    maxTokensField: 'max_completion_tokens',
    strictSchemas: true,
  },
  groq: {
    id: 'groq',
    displayName: 'Groq',
    defaultBaseURL: 'https://api.groq.com/openai/v1',
    maxTokensField: 'max_completion_tokens',
    strictSchemas: false,
  },
  meta: {
    id: 'meta',
    displayName: 'Meta Llama API',
    defaultBaseURL: 'https://api.llama.com/compat/v1',
    maxTokensField: 'max_completion_tokens',
    strictSchemas: false,
  },
} as const satisfies Record<string, ChatFlavour>;
