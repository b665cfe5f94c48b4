import { ConnectorError, type ConnectorContext } from '../connector';

export interface TikTokCall {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  bucket: string;
}

/** TikTok API v2 envelope: `{ data, error: { code, message, log_id } }`, `code: "ok"` on success. */
interface Envelope<T> {
  data?: T;
  error?: { code?: string; message?: string; log_id?: string };
}

/** A small typed client over fetch for open.tiktokapis.com: bearer auth, the v2 envelope, error codes. */
export async function tiktokFetch<T>(context: ConnectorContext, call: TikTokCall, timeoutMs: number): Promise<T> {
  const url = new URL(`${context.baseUrl.replace(/\/+$/, '')}${call.path}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const response = await send(context, url, timeoutMs, {
    method: call.method,
    headers: {
      authorization: `Bearer ${context.token.accessToken}`,
      ...(call.method === 'POST' ? { 'content-type': 'application/json; charset=UTF-8' } : {}),
    },
    ...(call.json === undefined ? {} : { body: JSON.stringify(call.json) }),
  });
  const text = await response.text().catch(() => '');
  let body: Envelope<T>;
  try {
    body = text ? (JSON.parse(text) as Envelope<T>) : {};
  } catch {
    body = {};
  }
  const code = body.error?.code ?? (response.ok ? 'ok' : String(response.status));
  if (response.ok && code === 'ok' && body.data !== undefined) return body.data;
  throw tiktokError(response.status, code, body.error?.message ?? `HTTP ${response.status}`, call.bucket, context);
}

/** PUT one chunk of a FILE_UPLOAD to the `upload_url` TikTok gave (no bearer: the URL is the grant). */
export async function tiktokPutChunk(
  context: ConnectorContext,
  uploadUrl: string,
  chunk: Uint8Array,
  range: { first: number; last: number; total: number },
  mime: string,
  timeoutMs: number,
): Promise<void> {
  const response = await send(context, new URL(uploadUrl), timeoutMs, {
    method: 'PUT',
    headers: {
      'content-type': mime,
      'content-range': `bytes ${range.first}-${range.last}/${range.total}`,
    },
    body: chunk,
  });
  const text = await response.text().catch(() => '');
  if (response.status === 201 || response.status === 206) return;
  let code = String(response.status);
  let message = text || `HTTP ${response.status}`;
  try {
    const parsed = JSON.parse(text) as Envelope<unknown>;
    code = parsed.error?.code ?? code;
    message = parsed.error?.message ?? message;
  } catch {
    // not JSON: keep the status
  }
  throw tiktokError(response.status, code, message, 'PUT upload', context);
}

async function send(context: ConnectorContext, url: URL, timeoutMs: number, init: RequestInit): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = context.signal ? AbortSignal.any([context.signal, timeout]) : timeout;
  try {
    return await fetch(url, { ...init, signal });
  } catch (error) {
    if (timeout.aborted) throw new ConnectorError('timeout', `TikTok did not answer within ${timeoutMs} ms`);
    if (context.signal?.aborted) throw new ConnectorError('timeout', 'The request to TikTok was cancelled');
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    throw new ConnectorError(
      'network',
      `Could not reach ${url.host}: ${error instanceof Error ? error.message : String(error)}${cause}`,
    );
  }
}

function tiktokError(
  status: number,
  code: string,
  message: string,
  bucket: string,
  context: ConnectorContext,
): ConnectorError {
  const text = `TikTok: ${message} (${code})`;
  const details = { status, platformCode: code };
  if (code === 'access_token_invalid') return new ConnectorError('auth_expired', text, details);
  if (code === 'scope_not_authorized' || code === 'scope_permission_missed')
    return new ConnectorError('missing_scope', text, details);
  if (code === 'rate_limit_exceeded' || status === 429) {
    // TikTok sends no rate-limit headers; its limits are per token over a one-minute sliding window.
    const resetAt = new Date(Date.now() + 60_000).toISOString();
    context.onRateLimit?.({ bucket, limit: null, remaining: 0, resetAt });
    return new ConnectorError('rate_limited', text, { ...details, resetAt });
  }
  if (status === 401) return new ConnectorError('auth_expired', text, details);
  if (status === 404) return new ConnectorError('not_found', text, details);
  if (status >= 500 || code === 'internal_error') return new ConnectorError('server', text, details);
  // invalid_params, privacy_level_option_mismatch, unaudited_client_can_only_post_to_private_accounts,
  // spam_risk_*, invalid_file_upload…: not fixed by sending again.
  return new ConnectorError('invalid', text, details);
}
