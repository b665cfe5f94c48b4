import { ConnectorError, type ConnectorContext, type RateLimitInfo } from '../connector';
import { parseBody } from '../response-body';

/** The Posts API version Cadence speaks (`LinkedIn-Version: YYYYMM`); LinkedIn keeps each about a year. */
export const LINKEDIN_API_VERSION = '202605';

export interface LinkedInCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path on the API base, or an absolute URL (the image `uploadUrl`). */
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  bytes?: Uint8Array;
  contentType?: string;
  /** Versioned `/rest/*` resources need the version and Rest.li headers; `/v2/userinfo` does not. */
  versioned: boolean;
  /** A pre-signed upload URL (video parts): the signature is the credential, so no bearer token is sent. */
  signed?: boolean;
  bucket: string;
}

export interface LinkedInResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** LinkedIn's error shape: `{ status, serviceErrorCode, code, message }` (422 validation errors carry `message` only). */
interface LinkedInProblem {
  status?: number;
  serviceErrorCode?: number;
  code?: string;
  message?: string;
}

/** A small typed client over fetch: bearer auth, version + Rest.li headers, LinkedIn error bodies. */
export async function linkedInFetch<T>(
  context: ConnectorContext,
  call: LinkedInCall,
  options: { timeoutMs: number; version: string },
): Promise<LinkedInResponse<T>> {
  const url = /^https?:\/\//.test(call.path)
    ? new URL(call.path)
    : new URL(`${context.baseUrl.replace(/\/+$/, '')}${call.path}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = context.signal ? AbortSignal.any([context.signal, timeout]) : timeout;
  const headers: Record<string, string> = call.signed ? {} : { authorization: `Bearer ${context.token.accessToken}` };
  if (call.versioned) {
    headers['linkedin-version'] = options.version;
    headers['x-restli-protocol-version'] = '2.0.0';
  }
  if (call.method === 'DELETE' && call.versioned) headers['x-restli-method'] = 'DELETE';
  if (call.json !== undefined) headers['content-type'] = 'application/json';
  if (call.bytes !== undefined) headers['content-type'] = call.contentType ?? 'application/octet-stream';
  let response: Response;
  try {
    response = await fetch(url, {
      method: call.method,
      signal,
      headers,
      body: call.json !== undefined ? JSON.stringify(call.json) : call.bytes,
    });
  } catch (error) {
    if (timeout.aborted) throw new ConnectorError('timeout', `LinkedIn did not answer within ${options.timeoutMs} ms`);
    if (context.signal?.aborted) throw new ConnectorError('timeout', 'The request to LinkedIn was cancelled');
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    throw new ConnectorError(
      'network',
      `Could not reach ${url.host}: ${error instanceof Error ? error.message : String(error)}${cause}`,
    );
  }
  const text = await response.text().catch(() => '');
  const body = parseBody(text);
  if (response.ok) return { status: response.status, headers: response.headers, body: body as T };
  const problem = (typeof body === 'object' && body !== null ? body : {}) as LinkedInProblem;
  if (response.status === 429) {
    // LinkedIn sends no rate-limit headers; its daily limits reset at midnight UTC.
    const resetAt = retryAfter(response.headers) ?? nextUtcMidnight();
    const info: RateLimitInfo = { bucket: call.bucket, limit: null, remaining: 0, resetAt };
    context.onRateLimit?.(info);
    throw new ConnectorError('rate_limited', `LinkedIn: ${problem.message ?? 'Too many requests'}`, {
      status: 429,
      resetAt,
      platformCode: problem.code ?? '429',
    });
  }
  throw linkedInError(response.status, problem);
}

function linkedInError(status: number, problem: LinkedInProblem): ConnectorError {
  const message = `LinkedIn: ${problem.message ?? `HTTP ${status}`}`;
  const code =
    problem.code ?? (problem.serviceErrorCode === undefined ? String(status) : String(problem.serviceErrorCode));
  const details = { status, platformCode: code };
  if (status === 401) {
    // 65601 REVOKED_ACCESS_TOKEN: only a reconnect helps; expired/invalid tokens may be refreshed.
    if (problem.code === 'REVOKED_ACCESS_TOKEN' || problem.serviceErrorCode === 65601)
      return new ConnectorError('auth_revoked', message, details);
    return new ConnectorError('auth_expired', message, details);
  }
  if (status === 403) {
    if (problem.code === 'ACCESS_DENIED' || /permission/i.test(problem.message ?? ''))
      return new ConnectorError('missing_scope', message, details);
    return new ConnectorError('invalid', message, details);
  }
  if (status === 404) return new ConnectorError('not_found', message, details);
  if (status >= 500) return new ConnectorError('server', message, details);
  // 400, 422 (schema, duplicate), 426 (version no longer active): never retried as is.
  return new ConnectorError('invalid', message, details);
}

function retryAfter(headers: Headers): string | null {
  const value = headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return new Date(Date.now() + seconds * 1000).toISOString();
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : new Date(date).toISOString();
}

function nextUtcMidnight(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString();
}
