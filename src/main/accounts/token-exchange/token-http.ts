import { TokenCallError } from '../oauth-client';
import type { TokenSet } from '../../publishing/providers/connector';
import type { ExchangeTarget } from './confidential-exchange';

/** Token calls give up after this long (then 'transient': the platform may still answer next time). */
export const TOKEN_CALL_TIMEOUT_MS = 30_000;

/** One token call's answer: the HTTP status and the JSON body (null when it was not JSON). */
export interface TokenAnswer {
  status: number;
  body: Record<string, unknown> | null;
}

/**
 * Sends one token call. Only the reaching of the platform is judged here (timeouts and network
 * failures are 'transient'); each platform module reads the answer in its own error dialect.
 * The URL and body carry the client secret, so neither ever goes into an error message.
 */
export async function tokenCall(
  url: URL,
  init: { method: 'GET' | 'DELETE' } | { method: 'POST'; form: URLSearchParams },
  target: ExchangeTarget,
  label: string,
): Promise<TokenAnswer> {
  const timeout = AbortSignal.timeout(TOKEN_CALL_TIMEOUT_MS);
  const signal = target.signal ? AbortSignal.any([target.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: {
        accept: 'application/json',
        ...(init.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.method === 'POST' ? { body: init.form.toString() } : {}),
      signal,
    });
  } catch (error) {
    if (timeout.aborted) throw new TokenCallError('transient', `${label} did not answer in time`);
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
    throw new TokenCallError('transient', `${label} could not be reached${reason ? ` (${reason})` : ''}`);
  }
  const text = await response.text().catch(() => '');
  return { status: response.status, body: parseObject(text) };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** A string field, or undefined. */
export function str(body: Record<string, unknown> | null, key: string): string | undefined {
  const value = body?.[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A number field (some platforms send numbers as strings), or undefined. */
export function num(body: Record<string, unknown> | null, key: string): number | undefined {
  const value = body?.[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** The access token of a successful answer, or a 'transient' error (a 2xx without one is a platform fault). */
export function requireAccessToken(answer: TokenAnswer, label: string): string {
  const token = str(answer.body, 'access_token');
  if (!token) throw new TokenCallError('transient', `${label} answered ${answer.status} without an access token`);
  return token;
}

export function expiresAt(now: Date, seconds: number | undefined): string | undefined {
  return seconds === undefined ? undefined : new Date(now.getTime() + seconds * 1000).toISOString();
}

/** Splits a scope string; platforms differ (TikTok and Meta use commas, RFC 6749 spaces). */
export function splitScopes(scope: string | undefined): string[] | undefined {
  if (!scope) return undefined;
  const scopes = scope.split(/[\s,]+/).filter(Boolean);
  return scopes.length > 0 ? scopes : undefined;
}

/** Drops undefined fields, so stored tokens stay minimal. */
export function tokenSet(parts: {
  accessToken: string;
  refreshToken?: string | undefined;
  expiresAt?: string | undefined;
  scopes?: string[] | undefined;
  extra?: Record<string, string> | undefined;
}): TokenSet {
  return {
    accessToken: parts.accessToken,
    ...(parts.refreshToken ? { refreshToken: parts.refreshToken } : {}),
    ...(parts.expiresAt ? { expiresAt: parts.expiresAt } : {}),
    ...(parts.scopes ? { scopes: parts.scopes } : {}),
    ...(parts.extra && Object.keys(parts.extra).length > 0 ? { extra: parts.extra } : {}),
  };
}
