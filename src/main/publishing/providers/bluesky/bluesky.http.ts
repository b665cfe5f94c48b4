import { Agent, XRPCError } from '@atproto/api';
import { ConnectorError, type ConnectorContext, type RateLimitInfo } from '../connector';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Methods that count against a PDS's write limits (reported as bucket `write`, the rest `read`). */
const WRITE_METHODS = new Set([
  'com.atproto.repo.createRecord',
  'com.atproto.repo.deleteRecord',
  'com.atproto.repo.uploadBlob',
  'com.atproto.repo.applyWrites',
]);

/**
 * An @atproto/api `Agent` on the account's PDS (`context.baseUrl`) with the stored access JWT.
 * Not `AtpAgent`'s own session: on ExpiredToken it would refresh by itself and rotate the refresh
 * JWT behind the token store's back; here the error goes to the queue (auth_expired) and the
 * accounts domain refreshes and stores the new pair. Every answer's `ratelimit-*` headers go to
 * `onRateLimit`; a timeout or a lost connection becomes a ConnectorError (timeout / network).
 */
export function blueskyAgent(context: ConnectorContext, timeoutMs: number, fetchImpl: FetchLike = fetch): Agent {
  const base = context.baseUrl.replace(/\/+$/, '');
  return new Agent(async (path: string, init: RequestInit) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signals = [timeout, context.signal, init.signal ?? undefined].filter((s): s is AbortSignal => !!s);
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${context.token.accessToken}`);
    const url = `${base}${path}`;
    let response: Response;
    try {
      response = await fetchImpl(url, { ...init, headers, signal: AbortSignal.any(signals) });
    } catch (error) {
      if (timeout.aborted) throw new ConnectorError('timeout', `Bluesky did not answer within ${timeoutMs} ms`);
      if (context.signal?.aborted) throw new ConnectorError('timeout', 'The request to Bluesky was cancelled');
      throw new ConnectorError('network', `Could not reach ${new URL(url).host}: ${describe(error)}`);
    }
    const method = new URL(url).pathname.replace(/^\/xrpc\//, '');
    const limits = readRateLimit(response.headers, WRITE_METHODS.has(method) ? 'write' : 'read');
    if (limits) context.onRateLimit?.(limits);
    return response;
  });
}

/** `ratelimit-limit`, `ratelimit-remaining`, `ratelimit-reset` (epoch seconds), as the PDS sends them. */
export function readRateLimit(headers: Headers, bucket: string): RateLimitInfo | null {
  const limit = headers.get('ratelimit-limit');
  const remaining = headers.get('ratelimit-remaining');
  const reset = headers.get('ratelimit-reset');
  if (limit === null && remaining === null && reset === null) return null;
  const resetSeconds = reset === null ? Number.NaN : Number(reset);
  return {
    bucket,
    limit: limit === null ? null : Number(limit),
    remaining: remaining === null ? null : Number(remaining),
    resetAt: Number.isFinite(resetSeconds) ? new Date(resetSeconds * 1000).toISOString() : null,
  };
}

/** Runs an XRPC call and turns whatever it throws into a ConnectorError. */
export async function xrpc<T>(context: ConnectorContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toConnectorError(error, context);
  }
}

/**
 * XRPC errors are `{ error: Name, message }` with an HTTP status: ExpiredToken (400/401) →
 * auth_expired; InvalidToken, AccountTakedown → auth_revoked; AuthenticationRequired 401 →
 * auth_expired when a refresh JWT exists; RateLimitExceeded / 429 → rate_limited with the reset
 * header; RecordNotFound / 404 → not_found; 5xx (UpstreamFailure…) → server; other 4xx → invalid.
 */
export function toConnectorError(error: unknown, context: ConnectorContext): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (error instanceof XRPCError) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof ConnectorError) return cause;
    const status = error.status;
    const name = error.error ?? `HTTP ${status}`;
    const message = `Bluesky: ${error.message || name}${error.message && name !== error.message ? ` (${name})` : ''}`;
    const details = { status, platformCode: name };
    if (name === 'ExpiredToken') return new ConnectorError('auth_expired', message, details);
    if (name === 'InvalidToken' || name === 'AccountTakedown' || name === 'AccountDeactivated') {
      return new ConnectorError('auth_revoked', message, details);
    }
    if (status === 401) {
      const kind = context.token.refreshToken === undefined ? 'auth_revoked' : 'auth_expired';
      return new ConnectorError(kind, message, details);
    }
    if (name === 'RateLimitExceeded' || status === 429) {
      const headers = new Headers(
        Object.entries(error.headers ?? {}).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, v]])),
      );
      const resetAt = readRateLimit(headers, 'any')?.resetAt ?? null;
      return new ConnectorError('rate_limited', message, { ...details, resetAt });
    }
    if (name === 'RecordNotFound' || status === 404) return new ConnectorError('not_found', message, details);
    if (status >= 500) return new ConnectorError('server', message, details);
    if (status >= 400) return new ConnectorError('invalid', message, details);
    return new ConnectorError('network', message, details);
  }
  return new ConnectorError('server', `Bluesky: ${describe(error)}`);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
