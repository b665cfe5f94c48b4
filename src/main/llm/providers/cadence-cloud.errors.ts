import OpenAI from 'openai';
import { serverErrorBodySchema } from '../../../shared/sync-api/errors';
import { LlmError } from '../provider';
import { CADENCE_CLOUD } from './provider-catalog';

const serverErrorSchema = serverErrorBodySchema.shape.error;

/**
 * Re-reads a failure of the Cadence proxy by its stable error code (src/shared/sync-api/errors.ts),
 * which the generic OpenAI mapping cannot know: above all, a used-up monthly allowance is a
 * `budget_exceeded` (the router neither retries it nor opens the breaker), not a rate limit to
 * wait out. Anything without a Cadence error body keeps the generic mapping.
 */
export function cadenceError(error: LlmError): LlmError {
  const cause = error.cause;
  if (!(cause instanceof OpenAI.APIError)) return error;
  const parsed = serverErrorSchema.safeParse(cause.error);
  if (!parsed.success) return error;
  const { code, message, details } = parsed.data;
  const make = (kind: LlmError['kind'], text: string, retryAfterMs?: number) =>
    new LlmError(kind, text, { provider: CADENCE_CLOUD.id, retryAfterMs, cause: error });
  switch (code) {
    case 'quota_exceeded':
      return make('budget_exceeded', `${CADENCE_CLOUD.displayName}: ${message}`);
    case 'unauthenticated':
    case 'token_expired':
    case 'device_revoked':
      return make(
        'auth',
        `${CADENCE_CLOUD.displayName} did not accept the sign-in (${message}). Sign in to Cadence sync again.`,
      );
    case 'email_not_verified':
    case 'forbidden':
      return make('auth', `${CADENCE_CLOUD.displayName}: ${message}`);
    case 'unavailable':
      return make('provider_down', `${CADENCE_CLOUD.displayName}: ${message}`);
    case 'invalid_input':
      return make('invalid_request', `${CADENCE_CLOUD.displayName} rejected the request: ${message}`);
    case 'upstream_failed':
      if (details?.upstreamCode === 'context_length_exceeded') {
        return make('context_too_long', `The input is too long for the ${CADENCE_CLOUD.displayName} model: ${message}`);
      }
      return make('transient', `${CADENCE_CLOUD.displayName}: ${message}`, error.retryAfterMs);
    default:
      return error;
  }
}
