import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { type EncryptedChange, type LiveMessage, liveMessageSchema } from '../../shared/sync-api/sync';

/** Test-only helpers for the sync area's tests (real server, real sockets). */

export function hlcAt(millis: number, counter: number, deviceId: string): string {
  return `${String(millis).padStart(15, '0')}-${String(counter).padStart(5, '0')}-${deviceId}`;
}

/** `count` changes stamped from `startMillis`, each with random sealed-looking bytes. */
export function makeChanges(
  deviceId: string,
  count: number,
  options: { startMillis?: number; bytes?: number; keyId?: string } = {},
): EncryptedChange[] {
  const start = options.startMillis ?? Date.now();
  return Array.from({ length: count }, (_, i) => ({
    hlc: hlcAt(start, i, deviceId),
    keyId: options.keyId ?? 'k1',
    blob: randomBytes(options.bytes ?? 48).toString('base64'),
  }));
}

export async function postJson(url: string, headers: Record<string, string>, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** A live-channel client that records every message and lets a test wait for the next one. */
export class LiveClient {
  readonly messages: LiveMessage[] = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      const text = Array.isArray(data) ? Buffer.concat(data).toString() : Buffer.from(data as ArrayBuffer).toString();
      this.messages.push(liveMessageSchema.parse(JSON.parse(text)));
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async connect(baseUrl: string, token: string): Promise<LiveClient> {
    const url = `${baseUrl.replace(/^http/, 'ws')}/v1/sync/live?token=${encodeURIComponent(token)}`;
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new LiveClient(socket);
  }

  /** Resolves with the n-th `changed` message (1-based), waiting for it to arrive. */
  async changed(n = 1): Promise<Extract<LiveMessage, { type: 'changed' }>> {
    for (;;) {
      const changed = this.messages.filter((m) => m.type === 'changed');
      const wanted = changed[n - 1];
      if (wanted && wanted.type === 'changed') return wanted;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  close(): void {
    this.socket.close();
  }
}

/** The HTTP status a refused upgrade answered with, and its body. */
export async function refusedUpgrade(baseUrl: string, token: string): Promise<{ status: number; body: string }> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/v1/sync/live?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url);
  return new Promise((resolve, reject) => {
    socket.once('open', () => reject(new Error('the upgrade was accepted')));
    // Aborting the handshake below emits an error nobody needs to hear about.
    socket.on('error', () => undefined);
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => {
        socket.terminate();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
  });
}
