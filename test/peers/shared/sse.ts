import type { ServerResponse } from 'node:http';
import { type Fault, type RecordedRequest, waitForClientToLeave } from './peer-server';

/** Sends the status line and headers of a server-sent-events response. */
export function startSse(res: ServerResponse, headers: Record<string, string>): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
  res.flushHeaders();
}

/** One SSE event; `event` is omitted for services that send bare `data:` lines. */
export function writeSse(res: ServerResponse, data: string, event?: string): void {
  if (res.destroyed) return;
  res.write(`${event === undefined ? '' : `event: ${event}\n`}data: ${data}\n\n`);
}

/**
 * Writes text deltas one event loop turn apart (so they leave as separate chunks, as a real stream
 * does), applying a mid-stream fault. Returns false when the stream was cut or the client left.
 */
export async function playDeltas(options: {
  res: ServerResponse;
  record: RecordedRequest;
  fault: Fault | undefined;
  deltas: readonly string[];
  write: (delta: string, index: number) => void;
  /** Writes an in-stream error event in the service's format; services without one leave it out. */
  writeError?: (body: unknown) => void;
}): Promise<boolean> {
  const { res, record, fault, deltas, write, writeError } = options;
  for (const [index, delta] of deltas.entries()) {
    if (fault?.kind === 'drop-mid-stream' && index === fault.afterDeltas) {
      res.destroy();
      return false;
    }
    if (fault?.kind === 'end-mid-stream' && index === fault.afterDeltas) {
      res.end();
      return false;
    }
    if (fault?.kind === 'stall-mid-stream' && index === fault.afterDeltas) {
      await waitForClientToLeave(record);
      res.destroy();
      return false;
    }
    if (fault?.kind === 'error-mid-stream' && index === fault.afterDeltas && writeError) {
      writeError(fault.body);
      res.end();
      return false;
    }
    if (res.destroyed) return false;
    write(delta, index);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return !res.destroyed;
}
