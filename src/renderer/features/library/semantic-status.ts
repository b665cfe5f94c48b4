import type { SearchStatus } from '../../../shared/contract/search';

export interface SemanticIndicator {
  on: boolean;
  /** Short badge text. */
  label: string;
  /** The detail: model and indexing, or why it is off. */
  detail: string;
}

/**
 * What the Library says about semantic search: on with the model name and how much is indexed,
 * or off with the reason (full-text search works either way).
 */
export function semanticIndicator(status: SearchStatus | null, lastReason: string | null = null): SemanticIndicator {
  if (!status) return { on: false, label: 'Full-text', detail: 'Checking whether semantic search is available…' };
  if (status.available && status.model) {
    const indexing = status.indexing ? ', indexing' : '';
    return {
      on: true,
      label: 'Semantic',
      detail: `${status.model} · ${status.indexed.toLocaleString('en-US')} of ${status.total.toLocaleString('en-US')} posts indexed${indexing}`,
    };
  }
  const reason =
    lastReason ??
    status.reason ??
    (status.model ? `${status.model} did not answer` : 'No embeddings model is set up (see the AI page)');
  return { on: false, label: 'Full-text', detail: `Semantic search is off: ${reason}` };
}
