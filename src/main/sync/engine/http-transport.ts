import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import type { z } from 'zod';
import { serverErrorBodySchema } from '../../../shared/sync-api/errors';
import {
  type Keyring,
  keyringSchema,
  liveMessageSchema,
  type PullResponse,
  pullResponseSchema,
  type PushRequest,
  type PushResponse,
  pushResponseSchema,
} from '../../../shared/sync-api/sync';
import {
  type KeyringDraft,
  type LiveHandlers,
  type LiveSubscription,
  type SyncTransport,
  SyncTransportError,
} from './transport';

export interface HttpSyncTransportOptions {
  /** The server's origin, e.g. https://sync.example.com (the /v1 prefix is added here). */
  baseUrl: string;
  /** A fresh access token for each call (the account session refreshes it). */
  accessToken: () => Promise<string>;
  /** Per request; a hung server must not stall the engine forever. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The sync service over HTTPS and its live WebSocket; every response is parsed with the contract's schemas. */
export class HttpSyncTransport implements SyncTransport {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: HttpSyncTransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  push(request: PushRequest): Promise<PushResponse> {
    return this.call('POST', '/v1/sync/push', pushResponseSchema, request);
  }

  pull(cursor: string | null, limit: number): Promise<PullResponse> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor !== null) query.set('cursor', cursor);
    return this.call('GET', `/v1/sync/pull?${query.toString()}`, pullResponseSchema);
  }

  async getKeyring(): Promise<Keyring | null> {
    try {
      return await this.call('GET', '/v1/sync/keyring', keyringSchema);
    } catch (error) {
      if (error instanceof SyncTransportError && error.code === 'not_found') return null;
      throw error;
    }
  }

  putKeyring(expectedVersion: number | null, keyring: KeyringDraft): Promise<Keyring> {
    return this.call('PUT', '/v1/sync/keyring', keyringSchema, { expectedVersion, keyring });
  }

  openLive(handlers: LiveHandlers): LiveSubscription {
    let socket: WebSocket | null = null;
    let closedByUs = false;
    let reported = false;
    const finish = (error: SyncTransportError | null) => {
      if (reported) return;
      reported = true;
      handlers.onClose(closedByUs ? null : error);
    };
    this.options
      .accessToken()
      .then((token) => {
        if (closedByUs) return finish(null);
        const url = new URL(`${this.baseUrl}/v1/sync/live`);
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        url.searchParams.set('token', token);
        const ws = new WebSocket(url, { handshakeTimeout: this.timeoutMs });
        socket = ws;
        ws.on('open', () => handlers.onOpen?.());
        ws.on('message', (data) => {
          const parsed = liveMessageSchema.safeParse(safeJson(String(data)));
          // Unknown messages are ignored: a newer server may send more kinds.
          if (parsed.success && parsed.data.type === 'changed') handlers.onChanged(parsed.data.cursor);
        });
        ws.on('unexpected-response', (_request, response) => {
          void readErrorResponse(response).then((error) => {
            finish(error);
            ws.terminate();
          });
        });
        ws.on('error', (error) => finish(new SyncTransportError('network', `Live channel failed: ${error.message}`)));
        ws.on('close', () => finish(new SyncTransportError('network', 'The live channel closed.')));
      })
      .catch((error: unknown) => finish(toTransportError(error)));
    return {
      close: () => {
        closedByUs = true;
        socket?.close();
        if (!socket) finish(null);
      },
    };
  }

  private async call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    let response: Response;
    try {
      const token = await this.options.accessToken();
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw toTransportError(error);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw errorFromBody(response.status, text, response.headers.get('retry-after'));
    const parsed = schema.safeParse(safeJson(text));
    if (!parsed.success) {
      throw new SyncTransportError(
        'bad_response',
        `The sync server answered ${method} ${path.split('?')[0]} with something Cadence does not understand. Check the server URL.`,
        response.status,
      );
    }
    return parsed.data;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toTransportError(error: unknown): SyncTransportError {
  if (error instanceof SyncTransportError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SyncTransportError('network', `Could not reach the sync server: ${message}`);
}

function retryAfterMs(header: string | null | undefined): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** Maps `{ error: { code, message } }` to a typed error; bodies that are not ours get a code from the status. */
export function errorFromBody(status: number, text: string, retryAfter?: string | null): SyncTransportError {
  const parsed = serverErrorBodySchema.safeParse(safeJson(text));
  const wait = retryAfterMs(retryAfter);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new SyncTransportError(code, message, status, details, wait);
  }
  const code =
    status === 401
      ? 'unauthenticated'
      : status === 404
        ? 'not_found'
        : status === 409
          ? 'conflict'
          : status === 429
            ? 'rate_limited'
            : status >= 500
              ? 'unavailable'
              : 'bad_response';
  return new SyncTransportError(code, `The sync server answered HTTP ${status}.`, status, undefined, wait);
}

async function readErrorResponse(response: IncomingMessage): Promise<SyncTransportError> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of response) chunks.push(Buffer.from(chunk as Uint8Array));
  } catch {
    // The body is best effort: the status alone still classifies the failure.
  }
  const header = response.headers['retry-after'];
  return errorFromBody(
    response.statusCode ?? 0,
    Buffer.concat(chunks).toString('utf8'),
    Array.isArray(header) ? header[0] : header,
  );
}
