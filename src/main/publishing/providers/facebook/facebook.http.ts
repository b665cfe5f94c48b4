import { ConnectorError, type ConnectorContext, type RateLimitInfo } from '../connector';
import { parseBody, parseJsonHeader } from '../response-body';

/** The Graph API version Cadence is written against (paths are `/v21.0/...`). */
export const GRAPH_VERSION = 'v21.0';

/** One Graph API call. */
export interface GraphCall {
  method: 'GET' | 'POST' | 'DELETE';
  /** Without the version prefix, e.g. `/123/feed`. */
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
  /** Raw bytes (a Resumable Upload API chunk), sent as application/octet-stream. */
  bytes?: Uint8Array;
  /** Extra request headers (`file_offset` on an upload chunk). */
  headers?: Record<string, string>;
  /** Page access token (publishing) or the user token (listing the Pages, uploading files). */
  accessToken: string;
  /** The upload endpoints take `Authorization: OAuth <token>` (graph-api/guides/upload); the rest Bearer. */
  authScheme?: 'Bearer' | 'OAuth';
  /** Video publishing goes to graph-video.facebook.com (video-api/guides/publishing). */
  host?: 'graph' | 'video';
}

/** The base URL of a call: Meta's video host for `host: 'video'`, unchanged for a peer. */
export function graphBase(baseUrl: string, host: GraphCall['host']): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (host !== 'video') return base;
  const url = new URL(base);
  if (url.hostname === 'graph.facebook.com') url.hostname = 'graph-video.facebook.com';
  return url.toString().replace(/\/+$/, '');
}

function requestBody(call: GraphCall): { body: RequestInit['body']; type: string | undefined } {
  if (call.json !== undefined) return { body: JSON.stringify(call.json), type: 'application/json' };
  if (call.bytes !== undefined) return { body: call.bytes, type: 'application/octet-stream' };
  return { body: call.form, type: undefined };
}

/** The Graph error body: `{ error: { message, type, code, error_subcode, fbtrace_id } }`. */
export interface GraphErrorBody {
  error?: {
    message?: string;
    type?: string;
    code?: number;
    error_subcode?: number;
    is_transient?: boolean;
    fbtrace_id?: string;
  };
}

interface Usage {
  call_count?: number;
  total_cputime?: number;
  total_time?: number;
  /** Business use case usage: minutes until calls are allowed again. */
  estimated_time_to_regain_access?: number;
  type?: string;
}

/** A small typed client over fetch: bearer Page token, `x-app-usage` / `x-business-use-case-usage`, Graph errors. */
export async function graphFetch<T>(context: ConnectorContext, call: GraphCall, timeoutMs: number): Promise<T> {
  const url = new URL(`${graphBase(context.baseUrl, call.host)}/${GRAPH_VERSION}${call.path}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = context.signal ? AbortSignal.any([context.signal, timeout]) : timeout;
  const { body: payload, type } = requestBody(call);
  let response: Response;
  try {
    response = await fetch(url, {
      method: call.method,
      signal,
      headers: {
        authorization: `${call.authScheme ?? 'Bearer'} ${call.accessToken}`,
        ...(type ? { 'content-type': type } : {}),
        ...call.headers,
      },
      body: payload,
    });
  } catch (error) {
    if (timeout.aborted) throw new ConnectorError('timeout', `Facebook did not answer within ${timeoutMs} ms`);
    if (context.signal?.aborted) throw new ConnectorError('timeout', 'The request to Facebook was cancelled');
    throw new ConnectorError(
      'network',
      `Could not reach ${url.host}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const now = Date.now();
  const limits = readUsage(response.headers, now);
  for (const info of limits) context.onRateLimit?.(info);
  const text = await response.text().catch(() => '');
  const body = parseBody(text);
  if (response.ok) return body as T;
  const resetAt = limits.map((l) => l.resetAt).find((r): r is string => r !== null) ?? null;
  throw graphError(response.status, (body ?? {}) as GraphErrorBody, resetAt);
}

/**
 * `x-app-usage: {"call_count":28,"total_time":25,"total_cputime":25}` (percent of the app's hourly
 * budget) and `x-business-use-case-usage: {"<id>":[{type, call_count, total_cputime, total_time,
 * estimated_time_to_regain_access}]}` (Page tokens; minutes until access returns).
 */
export function readUsage(headers: Headers, now: number): RateLimitInfo[] {
  const out: RateLimitInfo[] = [];
  const used = (u: Usage) => Math.max(u.call_count ?? 0, u.total_cputime ?? 0, u.total_time ?? 0);
  const app = parseJsonHeader<Usage>(headers.get('x-app-usage'));
  if (app) out.push({ bucket: 'app', limit: 100, remaining: Math.max(0, 100 - used(app)), resetAt: null });
  const buc = parseJsonHeader<Record<string, Usage[]>>(headers.get('x-business-use-case-usage'));
  for (const [id, entries] of Object.entries(buc ?? {})) {
    for (const entry of Array.isArray(entries) ? entries : []) {
      const wait = entry.estimated_time_to_regain_access ?? 0;
      out.push({
        bucket: `buc:${id}:${entry.type ?? 'pages'}`,
        limit: 100,
        remaining: Math.max(0, 100 - used(entry)),
        resetAt: wait > 0 ? new Date(now + wait * 60_000).toISOString() : null,
      });
    }
  }
  return out;
}

/** Graph error codes: 190 token, 10/200–299 permission, 4/17/32/613/80001 throttling, 1/2 transient, 100/33 unknown object. */
export function graphError(status: number, body: GraphErrorBody, resetAt: string | null): ConnectorError {
  const error = body.error ?? {};
  const code = error.code ?? 0;
  const subcode = error.error_subcode;
  const message = `Facebook: ${error.message ?? `HTTP ${status}`}`;
  const details = {
    status,
    platformCode: `${code}${subcode === undefined ? '' : `/${subcode}`}`,
  };
  if (code === 190 || code === 102) {
    // 463 expired, 467 invalid session, 460 password changed, 458 app removed.
    if (subcode === 463 || subcode === 467) return new ConnectorError('auth_expired', message, details);
    return new ConnectorError('auth_revoked', message, details);
  }
  if ([4, 17, 32, 341, 368, 613, 80001].includes(code)) {
    return new ConnectorError('rate_limited', message, { ...details, resetAt });
  }
  if (code === 10 || (code >= 200 && code <= 299)) return new ConnectorError('missing_scope', message, details);
  if (code === 100 && subcode === 33) return new ConnectorError('not_found', message, details);
  if (code === 1 || code === 2 || error.is_transient === true || status >= 500) {
    return new ConnectorError('server', message, details);
  }
  if (status === 404) return new ConnectorError('not_found', message, details);
  return new ConnectorError('invalid', message, details);
}
