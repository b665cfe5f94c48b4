import { ConnectorError, type ConnectorContext, type RateLimitInfo } from '../connector';
import { parseBody } from '../response-body';

/** One call to the X API v2. */
export interface XCall {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
  /** The rate-limit bucket: X limits each endpoint separately (e.g. `POST /2/tweets`). */
  bucket: string;
}

/** X's error shape: RFC 7807 problem details, plus `errors[]` on invalid requests. */
interface Problem {
  title?: string;
  detail?: string;
  type?: string;
  status?: number;
  errors?: { message?: string }[];
}

/** A small typed client over fetch: bearer auth, `x-rate-limit-*` (reset in epoch seconds), problem+json errors. */
export async function xFetch<T>(context: ConnectorContext, call: XCall, timeoutMs: number): Promise<T> {
  const url = new URL(`${context.baseUrl.replace(/\/+$/, '')}${call.path}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = context.signal ? AbortSignal.any([context.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method: call.method,
      signal,
      headers: {
        authorization: `Bearer ${context.token.accessToken}`,
        ...(call.json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: call.json === undefined ? call.form : JSON.stringify(call.json),
    });
  } catch (error) {
    if (timeout.aborted) throw new ConnectorError('timeout', `X did not answer within ${timeoutMs} ms`);
    if (context.signal?.aborted) throw new ConnectorError('timeout', 'The request to X was cancelled');
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    throw new ConnectorError(
      'network',
      `Could not reach ${url.host}: ${error instanceof Error ? error.message : String(error)}${cause}`,
    );
  }
  const limits = readRateLimit(response.headers, call.bucket);
  if (limits) context.onRateLimit?.(limits);
  const text = await response.text().catch(() => '');
  const body = parseBody(text);
  if (response.ok) return body as T;
  throw xError(
    response.status,
    (typeof body === 'object' && body !== null ? body : {}) as Problem,
    limits?.resetAt ?? null,
    context,
  );
}

function readRateLimit(headers: Headers, bucket: string): RateLimitInfo | null {
  const limit = headers.get('x-rate-limit-limit');
  const remaining = headers.get('x-rate-limit-remaining');
  const reset = headers.get('x-rate-limit-reset');
  if (limit === null && remaining === null && reset === null) return null;
  const resetSeconds = reset === null ? Number.NaN : Number(reset);
  return {
    bucket,
    limit: limit === null ? null : Number(limit),
    remaining: remaining === null ? null : Number(remaining),
    resetAt: Number.isFinite(resetSeconds) ? new Date(resetSeconds * 1000).toISOString() : null,
  };
}

function xError(status: number, problem: Problem, resetAt: string | null, context: ConnectorContext): ConnectorError {
  const detail = problem.detail ?? problem.title ?? `HTTP ${status}`;
  const reasons = (problem.errors ?? []).flatMap((e) => (e.message ? [e.message] : []));
  const message = `X: ${detail}${reasons.length ? ` ${reasons.join('; ')}` : ''}`;
  const details = { status, platformCode: problem.type ?? problem.title ?? String(status) };
  if (status === 401) {
    // X access tokens live ~2 h: with a refresh token a refresh cures it, without one only a reconnect does.
    return new ConnectorError(context.token.refreshToken ? 'auth_expired' : 'auth_revoked', message, details);
  }
  if (status === 403) {
    if (/duplicate/i.test(detail))
      return new ConnectorError('invalid', message, { ...details, platformCode: 'duplicate' });
    // A token without a needed scope gets a bare "Forbidden".
    if (detail === 'Forbidden' || /scope|permission/i.test(detail))
      return new ConnectorError('missing_scope', message, details);
    return new ConnectorError('invalid', message, details);
  }
  if (status === 404) return new ConnectorError('not_found', message, details);
  if (status === 429) return new ConnectorError('rate_limited', message, { ...details, resetAt });
  if (status >= 500) return new ConnectorError('server', message, details);
  return new ConnectorError('invalid', message, details);
}
