import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A node:http peer for REST APIs whose requests carry JSON, form-urlencoded or multipart bodies
 * (the social platforms' publishing APIs). Every request is recorded; faults queued with `inject`
 * are consumed by the next request whose path matches (all paths when `path` is absent).
 */
export type RestFault =
  | { kind: 'error'; status: number; body: unknown; headers?: Record<string, string>; path?: RegExp }
  /** Close the socket without handling the request: nothing happened on the platform. */
  | { kind: 'drop-before'; path?: RegExp }
  /** Handle the request (the post is created), then close the socket before any answer: outcome unknown. */
  | { kind: 'drop-after'; path?: RegExp }
  /** Never answer; hold the request until the client gives up (a timeout). */
  | { kind: 'stall'; path?: RegExp };

export type RestBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; fields: Map<string, string[]> }
  | { kind: 'multipart'; form: FormData }
  | { kind: 'invalid'; reason: string };

export interface RestRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: RestBody;
}

export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RestHandler = (request: RestRequest) => Promise<RestReply> | RestReply;

export interface RestPeer {
  readonly origin: string;
  readonly requests: RestRequest[];
  inject(fault: RestFault): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<RestBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { kind: 'none' };
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  try {
    if (type.startsWith('application/json'))
      return { kind: 'json', value: JSON.parse(raw.toString('utf8')) as unknown };
    if (type.startsWith('application/x-www-form-urlencoded')) {
      const fields = new Map<string, string[]>();
      for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
        fields.set(key, [...(fields.get(key) ?? []), value]);
      }
      return { kind: 'form', fields };
    }
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      return { kind: 'multipart', form };
    }
    return { kind: 'invalid', reason: `unsupported content type ${type || '(none)'}` };
  } catch (error) {
    return { kind: 'invalid', reason: error instanceof Error ? error.message : String(error) };
  }
}

function send(res: ServerResponse, reply: RestReply): void {
  if (reply.status >= 300 && reply.status < 400) {
    res.writeHead(reply.status, reply.headers);
    res.end();
    return;
  }
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': String(Buffer.byteLength(text)),
    ...reply.headers,
  });
  res.end(text);
}

export async function startRestPeer(handler: RestHandler): Promise<RestPeer> {
  const requests: RestRequest[] = [];
  const faults: RestFault[] = [];

  const takeFault = (path: string): RestFault | undefined => {
    const index = faults.findIndex((fault) => fault.path === undefined || fault.path.test(path));
    return index === -1 ? undefined : faults.splice(index, 1)[0];
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://peer.invalid');
      const request: RestRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: await readBody(req),
      };
      requests.push(request);
      const fault = takeFault(url.pathname);
      if (fault?.kind === 'drop-before') return void res.socket?.destroy();
      if (fault?.kind === 'stall') return;
      if (fault?.kind === 'error') return send(res, fault);
      const reply = await handler(request);
      if (fault?.kind === 'drop-after') return void res.socket?.destroy();
      send(res, reply);
    })().catch((error: unknown) => {
      console.error('peer handler failed', error);
      if (!res.headersSent) res.writeHead(599);
      res.end();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    inject: (fault) => void faults.push(fault),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A field of a form or multipart body, as a string; undefined when absent. */
export function formField(body: RestBody, name: string): string | undefined {
  if (body.kind === 'form') return body.fields.get(name)?.[0];
  if (body.kind === 'multipart') {
    const value = body.form.get(name);
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** Every value of a repeated form field (`media_ids[]`). */
export function formFields(body: RestBody, name: string): string[] {
  if (body.kind === 'form') return body.fields.get(name) ?? [];
  if (body.kind === 'multipart') return body.form.getAll(name).filter((v): v is string => typeof v === 'string');
  return [];
}

export function bearer(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  return match?.[1]?.trim();
}

/** RFC 7636 S256: the challenge is base64url(SHA-256(verifier)). */
export function pkceS256Matches(verifier: string, challenge: string): boolean {
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}
