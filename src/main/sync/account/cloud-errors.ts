import { ContractError, type ErrorCode } from '../../../shared/contract';
import type { ServerErrorCode } from '../../../shared/sync-api/errors';
import { CloudApiError, CloudUnreachableError } from './cloud-api';

/** The session ended on the server's word; the device is signed out and says why. */
export class SignedOutError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SignedOutError';
  }
}

/** Errors after which the device should try again later, staying signed in. */
export function isTransient(error: unknown): boolean {
  if (error instanceof CloudUnreachableError) return true;
  return error instanceof CloudApiError && (error.status >= 500 || error.status === 429);
}

/** Server codes that end this device's session: the refresh token or the device is no longer valid. */
export function endsSession(error: unknown): error is CloudApiError {
  return (
    error instanceof CloudApiError &&
    (error.code === 'refresh_reused' || error.code === 'device_revoked' || error.code === 'invalid_token')
  );
}

/** Why the device was signed out, in plain words with what to do. */
export function signedOutReason(code: ServerErrorCode): string {
  switch (code) {
    case 'refresh_reused':
      return 'You were signed out because this device’s session was used from somewhere else (a copied or restored session). Sign in again; if you did not expect this, change your account password.';
    case 'device_revoked':
      return 'This device was signed out from another device. Sign in again to keep syncing.';
    default:
      return 'Your sign-in on this device has expired. Sign in again to keep syncing.';
  }
}

/** The app's error code for each server code. */
export const CONTRACT_CODES: Record<ServerErrorCode, ErrorCode> = {
  invalid_input: 'VALIDATION_FAILED',
  unauthenticated: 'UNAUTHORIZED',
  token_expired: 'UNAUTHORIZED',
  refresh_reused: 'UNAUTHORIZED',
  invalid_credentials: 'UNAUTHORIZED',
  invalid_token: 'UNAUTHORIZED',
  device_revoked: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  email_not_verified: 'FORBIDDEN',
  device_limit: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  email_taken: 'CONFLICT',
  key_mismatch: 'CONFLICT',
  quota_exceeded: 'UNAVAILABLE',
  rate_limited: 'UNAVAILABLE',
  clock_skew: 'VALIDATION_FAILED',
  upstream_failed: 'UNAVAILABLE',
  invalid_grant: 'UNAUTHORIZED',
  unavailable: 'UNAVAILABLE',
  internal: 'UNAVAILABLE',
};

/** What the creator can do about a server error; the server's own message says what happened. */
function fixFor(error: CloudApiError): string | null {
  switch (error.code) {
    case 'email_taken':
      return 'Sign in instead, or reset the password if you forgot it.';
    case 'invalid_credentials':
      return 'Check the email and password; “Forgot password” sends a reset link.';
    case 'rate_limited':
      return error.retryAfterSeconds
        ? `Wait about ${Math.ceil(error.retryAfterSeconds / 60)} minute(s) and try again.`
        : 'Wait a moment and try again.';
    case 'internal':
    case 'unavailable':
      return 'Try again in a few minutes.';
    default:
      return null;
  }
}

/**
 * Any failure of a cloud call as a contract error: a stable app code, a plain message with the
 * fix, and the server's code in details so the UI can react to a specific one.
 */
export function toContractError(error: unknown): unknown {
  if (error instanceof ContractError) return error;
  if (error instanceof SignedOutError)
    return new ContractError('UNAUTHORIZED', error.reason, { cloudCode: 'signed_out' });
  if (error instanceof CloudUnreachableError) {
    return new ContractError(
      'UNAVAILABLE',
      `${error.message} Check the address and your internet connection; your work stays on this computer.`,
      { cloudCode: 'unreachable' },
    );
  }
  if (error instanceof CloudApiError) {
    const fix = fixFor(error);
    const details: Record<string, unknown> = { cloudCode: error.code };
    if (error.retryAfterSeconds !== null) details.retryAfterSeconds = error.retryAfterSeconds;
    if (error.details) details.server = error.details;
    return new ContractError(CONTRACT_CODES[error.code], fix ? `${error.message} ${fix}` : error.message, details);
  }
  return error;
}
