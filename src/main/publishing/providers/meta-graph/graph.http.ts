import { ConnectorError, type ConnectorContext, type RateLimitInfo } from '../connector';
import { parseBody, parseJsonHeader } from '../response-body';

/** One call to a Meta Graph API host (graph.instagram.com, graph.threads.net, graph.facebook.com). */
export interface GraphCall {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path after the version, e.g. `/1789/media`. */
  path: string;
  query?: Record<string, string>;
  /** Sent form-urlencoded, as Meta's references show (`-F key=value`). */
  form?: Record<string, string>;
}

export interface GraphClient {
  /** The service's name in messages ("Instagram", "Threads"). */
  name: string;
  /** The version path segment, e.g. `v23.0`. */
  version: string;
  timeoutMs: number;
}

/** Meta's error body on every Graph host. */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  fbtrace_id?: string;
}

/** Subcodes of code 190 that only a new login cures (app removed, checkpoint, password changed, logged out). */
const REVOKED_SUBCODES = new Set([458, 459, 460, 464, 467, 492]);
const RATE_CODES = new Set([4, 17, 32, 613, 80001, 80002]);

/** A small typed client over fetch: bearer auth, `x-app-usage` / `x-business-use-case-usage`, Graph error bodies. */
export async function graphFetch<T>(client: GraphClient, context: ConnectorContext, call: GraphCall): Promise<T> {
  const url = new URL(`${context.baseUrl.replace(/\/+$/, '')}/${client.version}${call.path}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const timeout = AbortSignal.timeout(client.timeoutMs);
  const signal = context.signal ? AbortSignal.any([context.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method: call.method,
      signal,
      headers: {
        authorization: `Bearer ${context.token.accessToken}`,
        ...(call.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(call.form ? { body: new URLSearchParams(call.form).toString() } : {}),
    });
  } catch (error) {
    if (timeout.aborted)
      throw new ConnectorError('timeout', `${client.name} did not answer within ${client.timeoutMs} ms`);
    if (context.signal?.aborted) throw new ConnectorError('timeout', `The request to ${client.name} was cancelled`);
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    throw new ConnectorError(
      'network',
      `Could not reach ${url.host}: ${error instanceof Error ? error.message : String(error)}${cause}`,
    );
  }
  const limits = readGraphRateLimits(response.headers, Date.now());
  for (const info of limits) context.onRateLimit?.(info);
  const text = await response.text().catch(() => '');
  const body = parseBody(text);
  if (response.ok) return body as T;
  const error =
    typeof body === 'object' && body !== null && 'error' in body
      ? ((body as { error: GraphErrorBody }).error ?? {})
      : {};
  const resetAt = limits.map((l) => l.resetAt).find((r) => r !== null) ?? null;
  throw graphError(client.name, response.status, error, resetAt);
}

interface UsageCounts {
  call_count?: number;
  total_time?: number;
  total_cputime?: number;
  estimated_time_to_regain_access?: number;
  type?: string;
}

/**
 * Meta reports usage as percentages of the limit: `x-app-usage` (the app's calls) and
 * `x-business-use-case-usage` (per business object and use case, with `estimated_time_to_regain_access`
 * in minutes). Each becomes a bucket with limit 100 and the percentage left.
 */
export function readGraphRateLimits(headers: Headers, now: number): RateLimitInfo[] {
  const infos: RateLimitInfo[] = [];
  const percent = (u: UsageCounts) => Math.max(u.call_count ?? 0, u.total_time ?? 0, u.total_cputime ?? 0);
  const regain = (u: UsageCounts) =>
    u.estimated_time_to_regain_access && u.estimated_time_to_regain_access > 0
      ? new Date(now + u.estimated_time_to_regain_access * 60_000).toISOString()
      : null;
  const app = parseJsonHeader<UsageCounts>(headers.get('x-app-usage'));
  if (app) infos.push({ bucket: 'app', limit: 100, remaining: Math.max(0, 100 - percent(app)), resetAt: null });
  const business = parseJsonHeader<Record<string, UsageCounts[]>>(headers.get('x-business-use-case-usage'));
  for (const [id, entries] of Object.entries(business ?? {})) {
    for (const usage of Array.isArray(entries) ? entries : []) {
      infos.push({
        bucket: `business:${id}:${usage.type ?? 'default'}`,
        limit: 100,
        remaining: Math.max(0, 100 - percent(usage)),
        resetAt: regain(usage),
      });
    }
  }
  return infos;
}

/** Graph errors by code (HTTP status is 400 for most of them), in the terms the queue acts on. */
export function graphError(
  name: string,
  status: number,
  error: GraphErrorBody,
  resetAt: string | null,
): ConnectorError {
  const code = error.code ?? null;
  const sub = error.error_subcode ?? null;
  const user = error.error_user_msg ? ` ${error.error_user_msg}` : '';
  const message = `${name}: ${error.message ?? `HTTP ${status}`}${user}`;
  const details = {
    status,
    platformCode: code === null ? String(status) : sub === null ? String(code) : `${code}/${sub}`,
  };
  if (code === 190 || code === 102) {
    return new ConnectorError(
      sub !== null && REVOKED_SUBCODES.has(sub) ? 'auth_revoked' : 'auth_expired',
      message,
      details,
    );
  }
  if (code === 10 || (code !== null && code >= 200 && code <= 299)) {
    return new ConnectorError('missing_scope', message, details);
  }
  // Code 9 with subcode 2207042: the account's 24-hour publishing limit (Instagram).
  if ((code !== null && RATE_CODES.has(code)) || (code === 9 && sub === 2207042) || status === 429) {
    return new ConnectorError('rate_limited', message, { ...details, resetAt });
  }
  if (code === 1 || code === 2 || status >= 500) return new ConnectorError('server', message, details);
  if ((code === 100 && sub === 33) || status === 404) return new ConnectorError('not_found', message, details);
  return new ConnectorError('invalid', message, details);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
