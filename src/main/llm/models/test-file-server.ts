import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the test server misbehaves. normal: honours Range and If-Range like a CDN; drop-once: the
 * first answer stops after `dropAfter` bytes by closing the socket; ignore-range: always sends the
 * whole file with 200; slow: sends 16 KB every 20 ms.
 */
export type ServeMode = 'normal' | 'drop-once' | 'ignore-range' | 'slow';

export interface TestFileServer {
  url: string;
  /** Headers of every request, in order. */
  requests: IncomingHttpHeaders[];
  mode: ServeMode;
  dropAfter: number;
  /** Replaces the served file (a new ETag, as a re-published model would get). */
  setContent(content: Buffer): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 serving one file at /model.gguf (anything else is 404). */
export async function startTestFileServer(initial: Buffer): Promise<TestFileServer> {
  let content = initial;
  let etag = etagOf(content);
  let dropped = false;
  const state: TestFileServer = {
    url: '',
    requests: [],
    mode: 'normal',
    dropAfter: Math.floor(initial.length / 3),
    setContent: (next) => {
      content = next;
      etag = etagOf(next);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = createServer((req, res) => {
    state.requests.push(req.headers);
    if (req.url !== '/model.gguf') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const ifRange = req.headers['if-range'];
    const honourRange = range && state.mode !== 'ignore-range' && (!ifRange || ifRange === etag);
    const start = honourRange ? Number(range[1]) : 0;
    if (honourRange && start >= content.length) {
      return void res.writeHead(416, { 'content-range': `bytes */${content.length}` }).end();
    }
    res.writeHead(honourRange ? 206 : 200, {
      'content-length': String(content.length - start),
      'accept-ranges': 'bytes',
      etag,
      ...(honourRange ? { 'content-range': `bytes ${start}-${content.length - 1}/${content.length}` } : {}),
    });
    const body = content.subarray(start);
    if (state.mode === 'drop-once' && !dropped) {
      dropped = true;
      res.write(body.subarray(0, state.dropAfter), () => res.socket?.destroy());
    } else if (state.mode === 'slow') {
      void sendSlowly(res, body);
    } else {
      res.end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/model.gguf`;
  return state;
}

async function sendSlowly(res: ServerResponse, body: Buffer): Promise<void> {
  for (let at = 0; at < body.length && !res.destroyed; at += 16 * 1024) {
    res.write(body.subarray(at, at + 16 * 1024));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  res.end();
}

const etagOf = (content: Buffer): string => `"${createHash('sha256').update(content).digest('hex').slice(0, 16)}"`;

/** Deterministic pseudo-random bytes: compressible data would hide off-by-one splicing bugs less well. */
export function testBytes(size: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

export const sha256Of = (content: Buffer): string => createHash('sha256').update(content).digest('hex');
