import { ContractError } from '../../../shared/contract/errors';
import { LlmError } from '../provider';
import { RoutingFailure } from './routing-failure';

/**
 * A router failure as a contract error with a stable code: refusals by policy are FORBIDDEN
 * (details.reason says which), a request the model cannot take is VALIDATION_FAILED, and any
 * provider failure is UNAVAILABLE with its kind, provider and retry hint. Anything else passes
 * through untouched (the dispatcher reports it as INTERNAL).
 */
export function toContractError(caught: unknown): unknown {
  if (!(caught instanceof LlmError)) return caught;
  const trail =
    caught instanceof RoutingFailure
      ? {
          attempts: caught.attempts.map(({ provider, model, errorKind, message }) => ({
            provider,
            model,
            errorKind,
            message,
          })),
          skipped: caught.skipped,
        }
      : {};
  const base = { kind: caught.kind, provider: caught.provider ?? null, ...trail };
  switch (caught.kind) {
    case 'budget_exceeded':
    case 'privacy_blocked':
      return new ContractError('FORBIDDEN', caught.message, { reason: caught.kind, ...base });
    case 'context_too_long':
    case 'invalid_request':
      return new ContractError('VALIDATION_FAILED', caught.message, {
        ...base,
        issues: [{ path: caught.kind === 'context_too_long' ? ['messages'] : [], message: caught.message }],
      });
    default:
      return new ContractError('UNAVAILABLE', caught.message, { ...base, retryAfterMs: caught.retryAfterMs ?? null });
  }
}
