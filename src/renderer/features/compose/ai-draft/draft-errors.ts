import { errorMessage, isContractError } from '../../../ui/errors';

export interface DraftProblem {
  /** One plain sentence: what happened and what to do. */
  title: string;
  /** What the core said, when it adds something. */
  detail: string | null;
}

const PROVIDERS: Record<string, string> = {
  ollama: 'Ollama',
  embedded: 'The embedded engine',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  groq: 'Groq',
  perplexity: 'Perplexity',
  meta: 'Meta',
};

interface Details {
  reason?: unknown;
  kind?: unknown;
  provider?: unknown;
  retryAfterMs?: unknown;
  attempts?: unknown;
}

interface Attempt {
  provider: string;
  model: string;
  message: string;
}

function isAttempt(value: unknown): value is Attempt {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return typeof a.provider === 'string' && typeof a.model === 'string' && typeof a.message === 'string';
}

/** "Ollama · llama3.2:3b: Ollama has no model …; The embedded engine · …: …" from the router's trail. */
function describeAttempts(attempts: unknown): string | null {
  if (!Array.isArray(attempts)) return null;
  const tried = attempts.filter(isAttempt);
  if (tried.length < 2) return null;
  return tried.map((a) => `${PROVIDERS[a.provider] ?? a.provider} · ${a.model}: ${a.message}`).join('; ');
}

function detailsOf(error: { details: unknown }): Details {
  return typeof error.details === 'object' && error.details !== null ? (error.details as Details) : {};
}

function unavailable(kind: unknown, provider: string, retryAfterMs: unknown): string {
  switch (kind) {
    case 'rate_limited': {
      const seconds = typeof retryAfterMs === 'number' ? Math.ceil(retryAfterMs / 1000) : null;
      return `${provider} is busy right now.${seconds ? ` Try again in ${seconds} s.` : ' Try again in a moment.'}`;
    }
    case 'auth':
      return `${provider} refused the API key. Check it on the AI page.`;
    case 'not_found':
      return `${provider} does not have the model this task uses. Pull it or pick another on the AI page.`;
    case 'provider_down':
      return `${provider} is not running, and no other model could take over. See the AI page.`;
    default:
      return `${provider} could not write the draft. Try again, or check the AI page.`;
  }
}

/** A failed generation in plain words: privacy or budget refusals, unavailable providers, the rest. */
export function describeDraftError(error: unknown): DraftProblem {
  const said = errorMessage(error);
  if (isContractError(error, 'FORBIDDEN')) {
    const { reason } = detailsOf(error);
    if (reason === 'privacy_blocked') {
      return {
        title: 'Privacy mode is on, so this draft can only be written on this device, and no local model could do it.',
        detail: said,
      };
    }
    if (reason === 'budget_exceeded') {
      return { title: 'This draft would go over your spending ceiling for cloud models.', detail: said };
    }
    return { title: 'Cadence is not allowed to write this draft.', detail: said };
  }
  if (isContractError(error, 'UNAVAILABLE')) {
    const { kind, provider, retryAfterMs, attempts } = detailsOf(error);
    const trail = describeAttempts(attempts);
    if (trail) {
      return {
        title: 'None of the models set up for drafting could answer. Pull a model or pick another on the AI page.',
        detail: trail,
      };
    }
    const name = typeof provider === 'string' ? (PROVIDERS[provider] ?? provider) : 'No model';
    return { title: unavailable(kind, name, retryAfterMs), detail: said };
  }
  if (isContractError(error, 'VALIDATION_FAILED')) {
    return { title: 'The model could not take this request. Try a shorter topic.', detail: said };
  }
  return { title: 'The draft could not be written.', detail: said };
}
