import type { z } from 'zod';
import { type ServerErrorCode, serverErrorBodySchema } from '../../../shared/sync-api/errors';

/** How long one call to the sync server may take before it counts as unreachable. */
const REQUEST_TIMEOUT_MS = 15_000;

/** The server answered with an error body (`{ error: { code, message, details? } }`). */
export class CloudApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode,
    message: string,
    readonly details: Record<string, unknown> | undefined,
    /** From Retry-After on 429, in seconds. */
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
    this.name = 'CloudApiError';
  }
}

/**
 * The server could not be reached, timed out, or answered something that is not the Cadence API
 * (a proxy's HTML page, a 502). Always transient: it never signs the device out.
 */
export class CloudUnreachableError extends Error {
  constructor(
    readonly serverUrl: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CloudUnreachableError';
  }
}

export interface CloudRequest<S extends z.ZodType | null> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  accessToken?: string;
  /** The response schema; null for 204 answers. */
  schema: S;
}

/** One HTTP call to the sync service's /v1 API, parsed with the shared wire contract. */
export async function cloudRequest<S extends z.ZodType | null>(
  serverUrl: string,
  request: CloudRequest<S>,
  fetchImpl: typeof fetch = fetch,
): Promise<S extends z.ZodType ? z.output<S> : void> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.accessToken) headers.authorization = `Bearer ${request.accessToken}`;
  let response: Response;
  try {
    // String joining keeps a path prefix (https://host/cadence) that new URL('/v1…', base) would drop.
    response = await fetchImpl(`${serverUrl.replace(/\/+$/, '')}/v1${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new CloudUnreachableError(serverUrl, `Cannot reach the sync server at ${serverUrl}.`, { cause: error });
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw errorFrom(serverUrl, response, text);
  if (request.schema === null) return undefined as S extends z.ZodType ? z.output<S> : void;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CloudUnreachableError(serverUrl, `The server at ${serverUrl} did not answer like a Cadence sync server.`);
  }
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    throw new CloudUnreachableError(
      serverUrl,
      `The sync server at ${serverUrl} answered in a form this version of Cadence does not understand; update Cadence or the server.`,
    );
  }
  return parsed.data as S extends z.ZodType ? z.output<S> : void;
}

function errorFrom(serverUrl: string, response: Response, text: string): Error {
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: a proxy or something else answered.
  }
  const body = serverErrorBodySchema.safeParse(json);
  if (!body.success) {
    return new CloudUnreachableError(
      serverUrl,
      response.status >= 500
        ? `The sync server at ${serverUrl} is having trouble (HTTP ${response.status}); Cadence will try again.`
        : `The server at ${serverUrl} did not answer like a Cadence sync server (HTTP ${response.status}).`,
    );
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return new CloudApiError(
    response.status,
    body.data.error.code,
    body.data.error.message,
    body.data.error.details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}
