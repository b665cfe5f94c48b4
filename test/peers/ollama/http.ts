import type { IncomingMessage, ServerResponse } from 'node:http';

/** Ollama answers errors as `{"error":"..."}` with a JSON content type (gin's c.JSON). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: message });
}

/** Unknown routes and wrong methods: gin's default 404, plain text. */
export function sendRouteNotFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('404 page not found');
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export type JsonObject = Record<string, unknown>;

/** Parses a request body; an empty body is `{}` (Ollama treats it as missing fields). */
export function parseJsonObject(text: string): JsonObject | null {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

/**
 * An NDJSON stream as Ollama writes it: one JSON object per line, flushed as produced.
 * `open` turns false once the client has gone, so producers can stop.
 */
export class NdjsonStream {
  private readonly res: ServerResponse;
  private closed = false;

  constructor(res: ServerResponse) {
    this.res = res;
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    res.on('close', () => (this.closed = true));
  }

  get open(): boolean {
    return !this.closed && !this.res.destroyed;
  }

  write(value: unknown): void {
    if (this.open) this.res.write(`${JSON.stringify(value)}\n`);
  }

  end(): void {
    if (this.open) this.res.end();
  }

  /**
   * Closes the TCP connection without the chunked body's final chunk: a server crash as the
   * client sees it. Lines already written are flushed first, so tests know what arrived.
   */
  drop(): void {
    this.closed = true;
    this.res.socket?.end();
  }
}

/** Go's time.Time JSON form, which Ollama puts in created_at / modified_at / expires_at. */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString();
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
