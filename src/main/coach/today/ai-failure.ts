import { ContractError } from '../../../shared/contract/errors';

/**
 * Why the AI engine did not write today's plan, in words for the plan card. The router's
 * details say whether any provider was even tried: none tried means no model is running.
 */
export function aiFailureReason(caught: unknown): string {
  if (caught instanceof ContractError) {
    const details = (caught.details ?? {}) as { reason?: string; attempts?: unknown[] };
    if (caught.code === 'FORBIDDEN' && details.reason === 'budget_exceeded') return 'The monthly AI budget is used up';
    if (caught.code === 'FORBIDDEN') return 'Privacy mode allows only local models, and none is running';
    if (caught.code === 'UNAVAILABLE' && (!Array.isArray(details.attempts) || details.attempts.length === 0)) {
      return 'No local model is running';
    }
    return `The AI engine failed: ${caught.message}`;
  }
  if (caught instanceof Error) return caught.message;
  return 'The AI engine failed';
}
