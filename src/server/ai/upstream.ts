import { ApiError } from '../http/api-error';

/** Where the proxy sends requests. The key stays on the server: it is never echoed to a device. */
export interface Upstream {
  baseUrl: string;
  key: string | undefined;
}

/** A call to the upstream's OpenAI-compatible API, aborted when `signal` fires (the device left). */
export async function callUpstream(
  upstream: Upstream,
  path: '/chat/completions',
  body: Record<string, unknown>,
  signal: AbortSignal,
): Promise<Response> {
  const url = `${upstream.baseUrl.replace(/\/+$/, '')}${path}`;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (upstream.key) headers.authorization = `Bearer ${upstream.key}`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError(
      502,
      'upstream_failed',
      'The cloud model service cannot be reached right now; try again shortly.',
      {
        upstreamStatus: null,
      },
    );
  }
  if (!response.ok) throw await upstreamFailure(response);
  return response;
}

/** OpenAI-style error codes that come from the request itself, worth passing on to the device. */
const REQUEST_FAULTS = new Set([
  'context_length_exceeded',
  'invalid_value',
  'missing_required_parameter',
  'unsupported_parameter',
  'invalid_request_error',
]);

/**
 * Maps an upstream failure to 502 `upstream_failed`. What the device can act on (its request was
 * too long or malformed) keeps the upstream's words; the operator's problems (a refused key, the
 * upstream's own quota) are not the user's to fix and get a plain message without upstream text,
 * which might echo part of the key. Retry-After passes through.
 */
async function upstreamFailure(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let code: string | null = null;
  let message = '';
  try {
    const error = (JSON.parse(text) as { error?: { code?: unknown; type?: unknown; message?: unknown } }).error;
    code = typeof error?.code === 'string' ? error.code : typeof error?.type === 'string' ? error.type : null;
    message = typeof error?.message === 'string' ? error.message : '';
  } catch {
    // A non-JSON body (a gateway's HTML page) says nothing useful.
  }
  const status = response.status;
  const details = { upstreamStatus: status, upstreamCode: code };
  const retryAfter = response.headers.get('retry-after');
  const headers = retryAfter ? { 'retry-after': retryAfter } : undefined;
  const requestFault =
    (status === 400 || status === 413 || status === 422) && (code === null || REQUEST_FAULTS.has(code));
  if (requestFault) {
    return new ApiError(
      502,
      'upstream_failed',
      `The cloud model refused the request: ${message || `HTTP ${status}`}`,
      details,
      headers,
    );
  }
  if (status === 429) {
    return new ApiError(
      502,
      'upstream_failed',
      'The cloud model service is busy; try again in a moment.',
      details,
      headers,
    );
  }
  if (status === 401 || status === 403 || status === 402 || status === 404) {
    return new ApiError(
      502,
      'upstream_failed',
      'The cloud model service is not set up correctly on the server; this is not something you can fix — try again later.',
      details,
    );
  }
  return new ApiError(
    502,
    'upstream_failed',
    `The cloud model service failed (HTTP ${status}); try again shortly.`,
    details,
    headers,
  );
}
