import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PacingProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of an Ollama peer that passes every request through unchanged but
 * releases streamed generation lines (NDJSON from /api/chat and /api/generate) one every
 * `lineDelayMs`, as a slower machine would produce them. The tiny test model writes faster than
 * a person can press Stop; this keeps the stream observable. A client that disconnects (a cancel)
 * aborts the upstream request, so the peer sees the cancel too.
 */
export async function startPacingProxy(target: string, lineDelayMs: number): Promise<PacingProxy> {
  const upstreamBase = new URL(target);
  const server = createServer((req, res) => forward(req, res));

  function forward(req: IncomingMessage, res: ServerResponse): void {
    const paced = req.method === 'POST' && (req.url === '/api/chat' || req.url === '/api/generate');
    const upstream = request(
      {
        hostname: upstreamBase.hostname,
        port: upstreamBase.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstreamBase.host },
      },
      (answer) => {
        const headers = { ...answer.headers };
        if (paced) delete headers['content-length'];
        res.writeHead(answer.statusCode ?? 502, headers);
        if (paced && (answer.statusCode ?? 500) < 300) pace(answer, res);
        else answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  }

  function pace(answer: IncomingMessage, res: ServerResponse): void {
    const queue: string[] = [];
    let partial = '';
    let ended = false;
    let timer: NodeJS.Timeout | null = null;
    const pump = () => {
      timer = null;
      if (res.destroyed) return;
      const line = queue.shift();
      if (line !== undefined) res.write(`${line}\n`);
      if (queue.length > 0) timer = setTimeout(pump, lineDelayMs);
      else if (ended) res.end();
    };
    answer.setEncoding('utf8');
    answer.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      queue.push(...lines.filter((line) => line.trim() !== ''));
      if (!timer) timer = setTimeout(pump, lineDelayMs);
    });
    answer.on('end', () => {
      if (partial.trim()) queue.push(partial);
      ended = true;
      if (!timer) timer = setTimeout(pump, lineDelayMs);
    });
    res.on('close', () => {
      if (timer) clearTimeout(timer);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
