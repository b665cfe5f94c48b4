import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type JsonBody, readJsonBody, sleep } from './http-io';

/**
 * Failures a test can queue on a peer; the next request consumes the first one. `error` bodies are
 * built by each peer's own helpers so they carry that service's exact error shape.
 */
export type Fault =
  | { kind: 'error'; status: number; body: unknown; headers?: Record<string, string> }
  /** Close the socket after this many text deltas, without a terminal event. */
  | { kind: 'drop-mid-stream'; afterDeltas: number }
  /** End the response cleanly after this many deltas, without a terminal event (a proxy cut-off). */
  | { kind: 'end-mid-stream'; afterDeltas: number }
  /** Stop sending after this many deltas and hold the response open until the client goes away. */
  | { kind: 'stall-mid-stream'; afterDeltas: number }
  /** Send the service's in-stream error event after this many deltas, then end the stream. */
  | { kind: 'error-mid-stream'; afterDeltas: number; body: unknown }
  /** Wait before sending the status line and headers. */
  | { kind: 'slow-first-byte'; delayMs: number };

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined for bodiless requests or unparseable bodies. */
  body: unknown;
  /** True once the client closed the connection before the peer finished its answer. */
  abortedByClient: boolean;
  /** Resolves when the response is finished or the connection is gone. */
  closed: Promise<void>;
  /** The token usage the peer reported for this request, when it reported any. */
  reportedUsage?: { input: number; output: number };
}

export interface PeerExchange {
  req: IncomingMessage;
  res: ServerResponse;
  record: RecordedRequest;
  body: JsonBody | undefined;
  fault: Fault | undefined;
}

export type PeerHandler = (exchange: PeerExchange) => Promise<void>;

export interface RunningPeer {
  /** Origin, e.g. http://127.0.0.1:53121 (no trailing slash). */
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** Queue a fault for the next request. */
  inject(fault: Fault): void;
  close(): Promise<void>;
}

/** Starts a node:http peer on 127.0.0.1 and a random port; every request is recorded. */
export async function startPeer(handler: PeerHandler): Promise<RunningPeer> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://peer.invalid');
    let markClosed: () => void = () => undefined;
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: undefined,
      abortedByClient: false,
      closed: new Promise<void>((resolve) => (markClosed = resolve)),
    };
    res.on('close', () => {
      if (!res.writableFinished) record.abortedByClient = true;
      markClosed();
    });
    requests.push(record);
    const fault = faults.shift();
    void (async () => {
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readJsonBody(req);
      if (body?.ok) record.body = body.value;
      if (fault?.kind === 'slow-first-byte') await sleep(fault.delayMs);
      if (res.destroyed) return;
      await handler({ req, res, record, body, fault });
    })().catch((error: unknown) => {
      // A peer bug must surface in the test output rather than as a hung request.
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

/** Waits until the client drops a stalled response; bounded so a broken cancel fails the test quickly. */
export async function waitForClientToLeave(record: RecordedRequest, limitMs = 5_000): Promise<void> {
  await Promise.race([record.closed, sleep(limitMs)]);
}
