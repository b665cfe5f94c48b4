import { ConnectorError, type ConnectorContext } from '../connector';
import { parseBody } from '../response-body';

/** Google's error body: `{ error: { code, message, errors: [{ domain, reason, message }], status } }`. */
export interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string; errors?: { reason?: string; domain?: string }[] };
}

export interface YouTubeCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path on the base, or an absolute URL (the resumable session URI). */
  url: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface YouTubeResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One fetch: bearer token; 2xx and 308 come back, anything else becomes a ConnectorError. */
export async function youtubeFetch(
  context: ConnectorContext,
  call: YouTubeCall,
  timeoutMs: number,
): Promise<YouTubeResponse> {
  const url = new URL(/^https?:/.test(call.url) ? call.url : `${context.baseUrl.replace(/\/+$/, '')}${call.url}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = context.signal ? AbortSignal.any([context.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method: call.method,
      signal,
      redirect: 'manual',
      headers: { authorization: `Bearer ${context.token.accessToken}`, ...call.headers },
      ...(call.body === undefined ? {} : { body: call.body }),
    });
  } catch (error) {
    if (timeout.aborted) throw new ConnectorError('timeout', `YouTube did not answer within ${timeoutMs} ms`);
    if (context.signal?.aborted) throw new ConnectorError('timeout', 'The request to YouTube was cancelled');
    throw new ConnectorError(
      'network',
      `Could not reach ${url.host}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const text = await response.text().catch(() => '');
  const body = parseBody(text);
  if (response.ok || response.status === 308) return { status: response.status, headers: response.headers, body };
  const error = youtubeError(response.status, (body ?? {}) as GoogleErrorBody, context);
  if (error.kind === 'rate_limited') {
    context.onRateLimit?.({ bucket: 'quota', limit: null, remaining: 0, resetAt: error.details.resetAt ?? null });
  }
  throw error;
}

export function youtubeError(status: number, body: GoogleErrorBody, context: ConnectorContext): ConnectorError {
  const reason = body.error?.errors?.[0]?.reason ?? body.error?.status ?? String(status);
  const message = `YouTube: ${body.error?.message ?? `HTTP ${status}`}`;
  const details = { status, platformCode: reason };
  if (status === 401) {
    return new ConnectorError(context.token.refreshToken ? 'auth_expired' : 'auth_revoked', message, details);
  }
  if (['quotaExceeded', 'dailyLimitExceeded'].includes(reason)) {
    // The daily quota resets at midnight Pacific time.
    return new ConnectorError('rate_limited', message, { ...details, resetAt: nextPacificMidnight(new Date()) });
  }
  if (status === 429 || ['rateLimitExceeded', 'userRateLimitExceeded'].includes(reason)) {
    return new ConnectorError('rate_limited', message, { ...details, resetAt: null });
  }
  if (reason === 'insufficientPermissions' || (body.error?.status === 'PERMISSION_DENIED' && /scope/i.test(message))) {
    return new ConnectorError('missing_scope', message, details);
  }
  if (status === 404) return new ConnectorError('not_found', message, details);
  if (status >= 500) return new ConnectorError('server', message, details);
  return new ConnectorError('invalid', message, details);
}

/** The next midnight in America/Los_Angeles, as an ISO instant. */
export function nextPacificMidnight(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZoneName: 'longOffset',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(get('timeZoneName'));
  const offsetMinutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : -480;
  const midnightUtc = Date.UTC(Number(get('year')), Number(get('month')) - 1, Number(get('day')) + 1);
  return new Date(midnightUtc - offsetMinutes * 60_000).toISOString();
}
