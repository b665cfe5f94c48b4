import { LlmError, type LlmErrorKind, type ProviderId } from '../provider';
import type { AttemptErrorKind } from '../usage/usage.repository';
import type { Skip } from './eligibility';

/** A call that was made and failed. */
export interface FailedAttempt {
  provider: ProviderId;
  model: string;
  errorKind: AttemptErrorKind;
  message: string;
  error: LlmError;
}

/** The chain ran out: the deciding error, plus every step tried or skipped for the details. */
export class RoutingFailure extends LlmError {
  readonly attempts: FailedAttempt[];
  readonly skipped: Skip[];

  constructor(
    kind: LlmErrorKind,
    message: string,
    source: LlmError | null,
    attempts: FailedAttempt[],
    skipped: Skip[],
  ) {
    super(kind, message, {
      ...(source?.provider ? { provider: source.provider } : {}),
      ...(source?.retryAfterMs !== undefined ? { retryAfterMs: source.retryAfterMs } : {}),
      cause: source ?? undefined,
    });
    this.name = 'RoutingFailure';
    this.attempts = attempts;
    this.skipped = skipped;
  }
}

/**
 * Picks the error the user sees when no step answered: a real provider failure says most; if
 * nothing was called, a budget refusal, then privacy; otherwise nothing could run at all.
 */
export function chainExhausted(task: string, attempts: FailedAttempt[], skipped: Skip[]): RoutingFailure {
  const summary = [
    ...attempts.map((a) => `${a.provider}/${a.model}: ${a.message}`),
    ...skipped.map((s) => `${s.provider}/${s.model}: ${s.message}`),
  ].join('; ');
  const last = attempts.at(-1);
  if (last) {
    return new RoutingFailure(
      last.error.kind,
      `No model could finish the ${task} request (${summary})`,
      last.error,
      attempts,
      skipped,
    );
  }
  for (const reason of ['budget_exceeded', 'privacy_blocked'] as const) {
    const refusal = skipped.find((s) => s.reason === reason);
    if (refusal) {
      const error = new LlmError(reason, refusal.message, { provider: refusal.provider });
      return new RoutingFailure(reason, `Refused before any call: ${summary}`, error, attempts, skipped);
    }
  }
  const message = summary ? `No model is available for ${task} (${summary})` : `No model is set up for ${task}`;
  return new RoutingFailure('provider_down', message, null, attempts, skipped);
}
