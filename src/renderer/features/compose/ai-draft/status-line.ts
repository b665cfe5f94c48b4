import type { DraftStatus } from './ai-draft.store';
import type { StreamState } from './draft-stream';

const PROVIDERS: Record<string, string> = {
  ollama: 'Ollama',
  embedded: 'the embedded engine',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  groq: 'Groq',
  perplexity: 'Perplexity',
  meta: 'Meta',
};

function who(stream: StreamState): string | null {
  if (!stream.provider) return null;
  const provider = PROVIDERS[stream.provider] ?? stream.provider;
  return stream.model ? `${provider} · ${stream.model}` : provider;
}

/** The line above the draft: what is happening and which model is (or was) writing. */
export function statusLine(status: DraftStatus, stream: StreamState): string {
  const by = who(stream);
  const fallback = stream.fallback ? ' (after the first choice failed)' : '';
  switch (status) {
    case 'idle':
      return '';
    case 'generating':
      return by ? `Writing with ${by}${fallback}…` : 'Starting…';
    case 'stopping':
      return 'Stopping…';
    case 'stopped':
      return by ? `Stopped — kept what ${by} wrote so far.` : 'Stopped before any text arrived.';
    case 'done':
      return by ? `Written by ${by}${fallback}.` : 'Done.';
    case 'error':
      return 'Could not write the draft.';
  }
}
