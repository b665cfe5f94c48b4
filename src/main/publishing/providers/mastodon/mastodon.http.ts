import { ConnectorError, type ConnectorContext, type RateLimitInfo } from '../connector';
import { parseBody } from '../response-body';

/** One call to a Mastodon instance's REST API. */
export interface MastodonCall {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Which of the instance's limits the call counts against (reported with its headers). */
  bucket: string;
}

export interface MastodonResponse {
  status: number;
  body: unknown;
}

/**
 * Sends a call with the account's token, reports `X-RateLimit-*` (reset as an ISO time) to
 * `onRateLimit`, and turns failures into ConnectorErrors. Plain fetch rather than masto: the
 * Idempotency-Key header and the rate-limit headers of every answer are needed here.
 */
export async function mastodonFetch(
  context: ConnectorContext,
  call: MastodonCall,
  timeoutMs: number,
): Promise<MastodonResponse> {
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
        accept: 'application/json',
        ...(call.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...call.headers,
      },
      body: call.json === undefined ? call.form : JSON.stringify(call.json),
    });
  } catch (error) {
    if (timeout.aborted) throw new ConnectorError('timeout', `Mastodon did not answer within ${timeoutMs} ms`);
    if (context.signal?.aborted) throw new ConnectorError('timeout', 'The request to Mastodon was cancelled');
    throw new ConnectorError('network', `Could not reach ${url.host}: ${describe(error)}`);
  }
  const limits = readRateLimit(response.headers, call.bucket);
  if (limits) context.onRateLimit?.(limits);
  const text = await response.text().catch(() => '');
  const body = parseBody(text);
  if (response.ok) return { status: response.status, body };
  throw mastodonError(response.status, body, limits?.resetAt ?? null, context);
}

function readRateLimit(headers: Headers, bucket: string): RateLimitInfo | null {
  const limit = headers.get('x-ratelimit-limit');
  const remaining = headers.get('x-ratelimit-remaining');
  const reset = headers.get('x-ratelimit-reset');
  if (limit === null && remaining === null && reset === null) return null;
  const resetMs = reset === null ? Number.NaN : Date.parse(reset);
  return {
    bucket,
    limit: limit === null ? null : Number(limit),
    remaining: remaining === null ? null : Number(remaining),
    resetAt: Number.isNaN(resetMs) ? null : new Date(resetMs).toISOString(),
  };
}

/** Mastodon answers errors as `{ "error": "…" }` (OAuth ones add `error_description`). */
function mastodonError(
  status: number,
  body: unknown,
  resetAt: string | null,
  context: ConnectorContext,
): ConnectorError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const detail =
    typeof record.error === 'string' ? record.error : typeof body === 'string' && body ? body : `HTTP ${status}`;
  const message = `Mastodon: ${detail}`;
  const details = { status, platformCode: detail };
  if (status === 401) {
    // Mastodon says "The access token is invalid" for expired and revoked tokens alike: only a
    // token that can be refreshed is worth a refresh; otherwise the account needs reconnecting.
    const kind = /revoked/i.test(detail) || context.token.refreshToken === undefined ? 'auth_revoked' : 'auth_expired';
    return new ConnectorError(kind, message, details);
  }
  if (status === 403 && /scope/i.test(detail)) return new ConnectorError('missing_scope', message, details);
  if (status === 404) return new ConnectorError('not_found', message, details);
  if (status === 429) return new ConnectorError('rate_limited', message, { ...details, resetAt });
  if (status >= 500) return new ConnectorError('server', message, details);
  return new ConnectorError('invalid', message, details);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
