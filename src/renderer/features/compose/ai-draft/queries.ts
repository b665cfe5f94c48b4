import type { EventMap } from '../../../../shared/contract/events';
import type { Generation } from '../../../../shared/contract/llm';
import { getClient } from '../../../client/client';
import type { DraftRequest } from './prompt';

/** The core calls the AI draft panel makes; its store calls these, components never do. */

export function generateDraft(requestId: string, request: DraftRequest): Promise<Generation> {
  return getClient().invoke('llm:generate-text', { requestId, task: 'drafting', ...request });
}

export function cancelGeneration(requestId: string): Promise<{ cancelled: boolean }> {
  return getClient().invoke('llm:cancel-generation', { requestId });
}

export function rateGeneration(usageId: number, rating: number) {
  return getClient().invoke('llm:rate-generation', { usageId, rating });
}

export function onToken(listener: (event: EventMap['llm:token']) => void): () => void {
  return getClient().on('llm:token', listener);
}

export function onAttempt(listener: (event: EventMap['llm:attempt']) => void): () => void {
  return getClient().on('llm:attempt', listener);
}
