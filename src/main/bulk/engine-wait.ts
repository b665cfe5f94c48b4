import { ContractError } from '../../shared/contract/errors';
import { DEFAULT_BREAKER_OPTIONS } from '../llm/router/circuit-breaker';

/** Attempt kinds that say "the engine is away right now", not "this request went wrong". */
const AWAY_KINDS: ReadonlySet<string> = new Set(['provider_down', 'rate_limited']);

/** How long a refused job waits at most before asking again: the circuit breaker's cool-down. */
export const DEFAULT_ENGINE_WAIT_MAX_MS = DEFAULT_BREAKER_OPTIONS.coolDownMs;

/**
 * Whether `LlmService.generate` refused because every provider is unavailable right now (circuit
 * open, engine down, rate limited) rather than because a generation went wrong. Returns the
 * provider's retry hint (null when it gave none), or null when the error is a real failure.
 *
 * The router reports this as ContractError UNAVAILABLE with the chain's trail in its details
 * (src/main/llm/router/contract-error.ts): a wait is worth it when no step failed for another
 * reason and at least one step is resting or away. A chain with nothing set up is not waited for.
 */
export function engineAway(error: unknown): { retryAfterMs: number | null } | null {
  if (!(error instanceof ContractError) || error.code !== 'UNAVAILABLE') return null;
  const details = isRecord(error.details) ? error.details : {};
  const retryAfterMs =
    typeof details.retryAfterMs === 'number' && details.retryAfterMs > 0 ? details.retryAfterMs : null;
  if (!Array.isArray(details.attempts)) {
    // Not a chain failure: only its kind can tell.
    return typeof details.kind === 'string' && AWAY_KINDS.has(details.kind) ? { retryAfterMs } : null;
  }
  const attempts = details.attempts.filter(isRecord);
  const skipped = Array.isArray(details.skipped) ? details.skipped.filter(isRecord) : [];
  if (attempts.some((attempt) => !AWAY_KINDS.has(String(attempt.errorKind)))) return null;
  const resting = attempts.length > 0 || skipped.some((skip) => skip.reason === 'circuit_open');
  return resting ? { retryAfterMs } : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The n-th wait in a row (from 0): the provider's hint when given, else base × 2ⁿ up to `maxMs`. */
export function engineWaitMs(tries: number, hint: number | null, baseMs: number, maxMs: number): number {
  if (hint !== null) return hint;
  return Math.min(baseMs * 2 ** tries, maxMs);
}
