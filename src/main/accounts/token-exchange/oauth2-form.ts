import type { TokenSet } from '../../publishing/providers/connector';
import { TokenCallError } from '../oauth-client';
import type { ExchangeTarget } from './confidential-exchange';
import {
  expiresAt,
  num,
  requireAccessToken,
  splitScopes,
  str,
  tokenCall,
  tokenSet,
  type TokenAnswer,
} from './token-http';

/**
 * RFC 6749 token calls with the client secret in the form body (§2.3.1), as TikTok, LinkedIn and
 * Google take them: §4.1.3 code grant, §6 refresh, §5.1 answer, §5.2 `{ error, error_description }`.
 * https://www.rfc-editor.org/rfc/rfc6749
 */
export interface FormDialect {
  label: string;
  /** 'client_key' at TikTok. */
  clientIdParam: string;
}

/** RFC 6749 §5.2 errors that mean the grant or the client itself was refused: retrying cannot help. */
const REFUSALS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client']);

export async function postTokenForm(
  dialect: FormDialect,
  form: Record<string, string>,
  target: ExchangeTarget,
): Promise<TokenAnswer> {
  const answer = await tokenCall(
    new URL(target.tokenUrl),
    { method: 'POST', form: new URLSearchParams(form) },
    target,
    dialect.label,
  );
  // TikTok may put an error in a 200 answer, so the error field is read whatever the status.
  if (answer.status !== 200 || str(answer.body, 'error')) throw formError(answer, dialect.label);
  return answer;
}

export function formError(answer: TokenAnswer, label: string): TokenCallError {
  const error = str(answer.body, 'error');
  const description = str(answer.body, 'error_description');
  const said = error ? `${error}${description ? `: ${description}` : ''}` : `HTTP ${answer.status}`;
  if (answer.status >= 500)
    return new TokenCallError('transient', `${label} failed for now (${said}); Cadence will try again`, error ?? null);
  if (error && REFUSALS.has(error)) {
    const what = error === 'invalid_grant' ? 'sign in again' : 'check the app id and secret';
    return new TokenCallError('revoked', `${label} refused the sign-in (${said}); ${what}`, error);
  }
  return new TokenCallError('transient', `${label} refused the call (${said})`, error ?? null);
}

/** The §5.1 answer as a TokenSet; the refresh token is kept when a refresh sends none (§6). */
export function formTokenSet(
  answer: TokenAnswer,
  label: string,
  now: Date,
  previous?: TokenSet,
  extra?: Record<string, string>,
): TokenSet {
  return tokenSet({
    accessToken: requireAccessToken(answer, label),
    refreshToken: str(answer.body, 'refresh_token') ?? previous?.refreshToken,
    expiresAt: expiresAt(now, num(answer.body, 'expires_in')),
    scopes: splitScopes(str(answer.body, 'scope')) ?? previous?.scopes,
    extra: { ...previous?.extra, ...extra },
  });
}

export function requireRefreshToken(token: TokenSet, label: string): string {
  if (!token.refreshToken) {
    throw new TokenCallError('revoked', `${label} gave Cadence no refresh token; sign in again`, 'no_refresh');
  }
  return token.refreshToken;
}

/**
 * A revocation call with the token in a form body (TikTok, LinkedIn, Google). 200 means the platform
 * withdrew the grant; a refusal (4xx: an unknown or already dead token, a refused client) is `false`,
 * since nothing more can be done from here; 5xx, timeouts and network failures throw 'transient'.
 */
export async function postRevokeForm(
  label: string,
  url: URL,
  form: Record<string, string>,
  target: ExchangeTarget,
): Promise<boolean> {
  const answer = await tokenCall(url, { method: 'POST', form: new URLSearchParams(form) }, target, label);
  if (answer.status >= 500) throw formError(answer, label);
  return answer.status === 200 && !str(answer.body, 'error');
}
