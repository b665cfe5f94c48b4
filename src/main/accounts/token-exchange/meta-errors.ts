import { TokenCallError } from '../oauth-client';
import { num, str, type TokenAnswer } from './token-http';

/**
 * Meta's token errors, read the same way for Facebook, Instagram and Threads.
 *
 * Graph hosts answer `{ error: { message, type, code, error_subcode, fbtrace_id } }`
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling); Instagram's
 * `api.instagram.com/oauth/access_token` answers `{ error_type, code, error_message }`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login).
 *
 * 'revoked' only when Meta refused the grant itself — code 190 (the token is invalid or expired),
 * an OAuthException about the code (used, expired, wrong redirect), or a refused app secret —
 * because retrying those can never succeed. 5xx and the throttling / temporary codes stay
 * 'transient'.
 */
const TEMPORARY_CODES = new Set([2, 4, 17, 32, 341, 613]);

/** Whether Meta said "not now" (5xx, `is_transient`, a throttling code) rather than refusing the call. */
export function isMetaTemporary(answer: TokenAnswer): boolean {
  const graph = graphError(answer);
  const code = num(graph, 'code');
  return answer.status >= 500 || graph?.is_transient === true || (code !== undefined && TEMPORARY_CODES.has(code));
}

function graphError(answer: TokenAnswer): Record<string, unknown> | null {
  const nested = answer.body?.error;
  return typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : null;
}

export function metaError(answer: TokenAnswer, label: string): TokenCallError {
  const graph = graphError(answer);
  const message = str(graph, 'message') ?? str(answer.body, 'error_message') ?? `HTTP ${answer.status}`;
  const type = str(graph, 'type') ?? str(answer.body, 'error_type');
  const code = num(graph, 'code');
  if (isMetaTemporary(answer)) {
    return new TokenCallError('transient', `${label} failed for now (${message}); Cadence will try again`);
  }
  // Meta reports a wrong app secret as an OAuthException whose code is the generic 1 (or 101 for a
  // wrong app id), so the message is what tells it apart from an unknown error.
  if (/client secret|app secret|client_id|app id/i.test(message) || code === 101) {
    return new TokenCallError(
      'revoked',
      `${label} refused the app's id or secret (${message}); check the app id and secret`,
      'invalid_client',
    );
  }
  if (code === 190 || (type === 'OAuthException' && answer.status >= 400 && answer.status < 500)) {
    return new TokenCallError('revoked', `${label} refused the sign-in (${message}); sign in again`, 'invalid_grant');
  }
  return new TokenCallError('transient', `${label} refused the call (${message})`);
}
