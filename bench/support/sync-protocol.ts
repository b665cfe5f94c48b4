import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import {
  type EncryptedChange,
  type LiveMessage,
  liveMessageSchema,
  type PullResponse,
  pullResponseSchema,
  type PushResponse,
  pushResponseSchema,
} from '../../src/shared/sync-api/sync';

/**
 * The sync wire protocol spoken directly (src/shared/sync-api/sync.ts), as a device would: HLC
 * stamps, AES-256-GCM sealed field changes, push, pull and the live WebSocket. The benches use it
 * instead of the desktop engine so the figures are the service's, with no SQLite in the loop.
 */

export const BENCH_KEY_ID = 'bench-key-1';

/** A per-device hybrid logical clock in the wire format `<ms:15>-<counter:5>-<deviceId>`. */
export class BenchHlc {
  private lastMs = 0;
  private counter = 0;
  constructor(private readonly deviceId: string) {}

  next(nowMs = Date.now()): string {
    if (nowMs > this.lastMs) {
      this.lastMs = nowMs;
      this.counter = 0;
    } else {
      this.counter += 1;
      // The counter has 5 digits: borrow the next millisecond rather than overflow it.
      if (this.counter > 99_999) {
        this.lastMs += 1;
        this.counter = 0;
      }
    }
    return `${String(this.lastMs).padStart(15, '0')}-${String(this.counter).padStart(5, '0')}-${this.deviceId}`;
  }
}

/** What a device seals per change: one field of one row, as the desktop engine records it. */
export interface FieldChange {
  table: string;
  rowId: string;
  column: string;
  value: string | number | null;
  wall: number;
}

/** Seals a change with AES-256-GCM (random 96-bit nonce, the HLC as additional data). */
export function sealChange(key: Buffer, hlc: string, change: FieldChange): EncryptedChange {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(hlc, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(change), 'utf8'), cipher.final()]);
  return { hlc, keyId: BENCH_KEY_ID, blob: Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64') };
}

/** Opens a sealed change; throws when the blob or its HLC was altered. */
export function openChange(key: Buffer, change: EncryptedChange): FieldChange {
  const raw = Buffer.from(change.blob, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(change.hlc, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as FieldChange;
}

/** The service answered with something other than success: status and its stable error code. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function failure(response: Response, what: string): Promise<SyncHttpError> {
  const text = await response.text();
  let code = `http_${response.status}`;
  let message = text.slice(0, 300);
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string }; message?: string };
    code = body.error?.code ?? code;
    message = body.error?.message ?? body.message ?? message;
  } catch {
    // Not JSON: keep the raw text.
  }
  return new SyncHttpError(response.status, code, `${what} → ${response.status} ${code}: ${message}`);
}

export async function push(baseUrl: string, token: string, changes: EncryptedChange[]): Promise<PushResponse> {
  return pushBody(baseUrl, token, JSON.stringify({ changes, sentAt: Date.now() }));
}

/** Push with a body serialised beforehand (the throughput bench keeps JSON work out of the timing). */
export async function pushBody(baseUrl: string, token: string, body: string): Promise<PushResponse> {
  const response = await fetch(`${baseUrl}/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  if (!response.ok) throw await failure(response, 'POST /v1/sync/push');
  return pushResponseSchema.parse(await response.json());
}

export async function pull(baseUrl: string, token: string, cursor: string | null, limit = 1000): Promise<PullResponse> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor !== null) query.set('cursor', cursor);
  const response = await fetch(`${baseUrl}/v1/sync/pull?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw await failure(response, 'GET /v1/sync/pull');
  return pullResponseSchema.parse(await response.json());
}

/**
 * Why the sync routes cannot be benchmarked on this server, or null when they answer. A bench
 * records its figures as missing with this reason rather than timing 404s.
 */
export async function syncRoutesMissing(baseUrl: string, token: string): Promise<string | null> {
  try {
    await pull(baseUrl, token, null, 1);
  } catch (error) {
    if (error instanceof SyncHttpError && error.status === 404) {
      return `the sync routes are not registered on the server (GET /v1/sync/pull → 404): ${error.message}`;
    }
    return `GET /v1/sync/pull failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  // The live channel is a separate route: a missing one fails the upgrade.
  try {
    const socket = await openLive(baseUrl, token);
    socket.close();
  } catch (error) {
    return `the live channel GET /v1/sync/live does not accept a WebSocket: ${error instanceof Error ? error.message : String(error)}`;
  }
  return null;
}

export interface LiveSocket {
  socket: WebSocket;
  /** Messages that did not match the contract's liveMessageSchema (each is a protocol error). */
  readonly invalidMessages: number;
  /** Resolves with the next `changed` notice (or rejects after timeoutMs). */
  nextChanged(timeoutMs: number): Promise<Extract<LiveMessage, { type: 'changed' }>>;
  close(): void;
}

/** Opens the live channel (`/v1/sync/live?token=…`) and parses every message with the contract. */
export async function openLive(
  baseUrl: string,
  token: string,
  onMessage?: (message: LiveMessage) => void,
): Promise<LiveSocket> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/v1/sync/live?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url, { perMessageDeflate: false });
  const waiters: Array<(message: Extract<LiveMessage, { type: 'changed' }>) => void> = [];
  const backlog: Array<Extract<LiveMessage, { type: 'changed' }>> = [];
  let invalidMessages = 0;
  socket.on('message', (data) => {
    let message: LiveMessage;
    try {
      message = liveMessageSchema.parse(JSON.parse(String(data)));
    } catch {
      invalidMessages += 1;
      return;
    }
    onMessage?.(message);
    if (message.type !== 'changed') return;
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else backlog.push(message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`upgrade refused with HTTP ${response.statusCode}`)),
    );
  });
  return {
    socket,
    get invalidMessages() {
      return invalidMessages;
    },
    nextChanged(timeoutMs) {
      const ready = backlog.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          reject(new Error(`no live notice within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = (message: Extract<LiveMessage, { type: 'changed' }>) => {
          clearTimeout(timer);
          resolve(message);
        };
        waiters.push(waiter);
      });
    },
    close() {
      socket.close();
    },
  };
}
