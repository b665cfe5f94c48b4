import { createServer, request as httpRequest, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RestReply } from '../shared/rest-peer';

/**
 * The Facebook peer's front door. The Resumable Upload API sends raw file bytes
 * (`POST /upload:{session}` with `--data-binary`, graph-api/guides/upload), which the shared REST
 * peer cannot keep, so this server takes the `/upload:` paths itself with their raw bodies and passes
 * every other request through to the REST peer unchanged.
 */

export interface RawRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Faults on the upload paths, consumed by the next upload request. */
export type UploadFault =
  /** Keep only the first `afterBytes` of the chunk, then cut the connection before any answer. */
  | { kind: 'interrupt'; afterBytes: number }
  /** Answer with this status and body without touching the session. */
  | { kind: 'error'; status: number; body: unknown }
  /** Cut the connection before reading anything into the session. */
  | { kind: 'drop-before' };

export interface UploadFront {
  readonly origin: string;
  injectUpload(fault: UploadFault): void;
  close(): Promise<void>;
}

const UPLOAD_PATH = /^\/v\d+\.\d+\/upload:[^/]+$/;

function sendJson(res: ServerResponse, reply: RestReply): void {
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...reply.headers,
  });
  res.end(text);
}

export async function startUploadFront(
  upstream: string,
  upload: (request: RawRequest) => RestReply,
  record: (request: RawRequest) => void,
): Promise<UploadFront> {
  const target = new URL(upstream);
  const faults: UploadFault[] = [];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://peer.invalid');
    if (!UPLOAD_PATH.test(url.pathname)) {
      // Everything else is the REST peer's: pipe it through, and cut the client off when it does.
      const forward = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.socket?.destroy());
      res.on('close', () => forward.destroy());
      req.pipe(forward);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: RawRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      record(request);
      const fault = faults.shift();
      if (fault?.kind === 'drop-before') return void res.socket?.destroy();
      if (fault?.kind === 'error') return sendJson(res, fault);
      if (fault?.kind === 'interrupt') {
        upload({ ...request, body: request.body.subarray(0, fault.afterBytes) });
        return void res.socket?.destroy();
      }
      sendJson(res, upload(request));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    injectUpload: (fault) => void faults.push(fault),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
