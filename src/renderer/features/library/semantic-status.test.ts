import { describe, expect, it } from 'vitest';
import type { SearchStatus } from '../../../shared/contract/search';
import { semanticIndicator } from './semantic-status';

const status: SearchStatus = {
  model: 'nomic-embed-text',
  provider: 'ollama',
  available: true,
  indexed: 1200,
  total: 1250,
  indexing: true,
  reason: null,
};

describe('semanticIndicator', () => {
  it('names the model and the indexing progress when on', () => {
    expect(semanticIndicator(status)).toEqual({
      on: true,
      label: 'Semantic',
      detail: 'nomic-embed-text · 1,200 of 1,250 posts indexed, indexing',
    });
  });

  it.each<[Partial<SearchStatus>, string | null, string]>([
    [{ available: false, reason: 'connection refused' }, null, 'Semantic search is off: connection refused'],
    [{ available: false }, null, 'Semantic search is off: nomic-embed-text did not answer'],
    [
      { available: false, model: null },
      null,
      'Semantic search is off: No embeddings model is set up (see the AI page)',
    ],
    [
      { available: false, reason: 'old' },
      'No embeddings model is running',
      'Semantic search is off: No embeddings model is running',
    ],
  ])('says why it is off for %j', (patch, lastReason, detail) => {
    const indicator = semanticIndicator({ ...status, ...patch }, lastReason);
    expect(indicator).toMatchObject({ on: false, label: 'Full-text', detail });
  });

  it('says it is still checking before the status arrives', () => {
    expect(semanticIndicator(null).on).toBe(false);
  });
});
