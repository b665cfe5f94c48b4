import type { ServerResponse } from 'node:http';
import type { DownloadManager } from './downloads';
import { type JsonObject, NdjsonStream, sendError, sendJson, str } from './http';
import { type InstalledModel, installedFrom, normaliseName, type RegistryModel } from './store';

export interface PullContext {
  registry: Map<string, RegistryModel>;
  installed: Map<string, InstalledModel>;
  downloads: DownloadManager;
}

/** Where pull output goes: NDJSON lines when streaming, one JSON answer when `stream:false`. */
interface PullSink {
  status(line: object): void;
  fail(message: string): void;
  succeed(): void;
  onGone(listener: () => void): void;
  drop(): void;
}

function streamingSink(res: ServerResponse): PullSink {
  const stream = new NdjsonStream(res);
  return {
    status: (line) => stream.write(line),
    // Headers are already sent, so Ollama reports the failure as an error line in the stream.
    fail: (message) => {
      stream.write({ error: message });
      stream.end();
    },
    succeed: () => {
      stream.write({ status: 'success' });
      stream.end();
    },
    onGone: (listener) => res.on('close', () => !res.writableFinished && listener()),
    drop: () => stream.drop(),
  };
}

function bufferedSink(res: ServerResponse): PullSink {
  return {
    status: () => {},
    // waitForStream in Ollama's routes.go answers a failed non-streamed pull with 500.
    fail: (message) => sendError(res, 500, message),
    succeed: () => sendJson(res, 200, { status: 'success' }),
    onGone: (listener) => res.on('close', () => !res.writableFinished && listener()),
    drop: () => res.socket?.destroy(),
  };
}

/** POST /api/pull: manifest, each layer's bytes (shared, resumable), verify, write, success. */
export async function handlePull(body: JsonObject, res: ServerResponse, context: PullContext): Promise<void> {
  // ollama-js still sends the older `name` field; the reference documents `model`. Accept both.
  const requested = str(body.model) ?? str(body.name);
  if (!requested) return sendError(res, 400, 'model is required');
  const sink = body.stream === false ? bufferedSink(res) : streamingSink(res);
  let gone = false;
  sink.onGone(() => (gone = true));

  sink.status({ status: 'pulling manifest' });
  const manifest = context.registry.get(normaliseName(requested));
  if (!manifest) return sink.fail('pull model manifest: file does not exist');

  for (const layer of manifest.layers) {
    if (gone) return;
    const outcome = await context.downloads.fetch(layer, (line) => sink.status(line), {
      onGone: (listener) => sink.onGone(listener),
      drop: () => sink.drop(),
    });
    if (outcome === 'gone') return;
  }
  if (gone) return;
  sink.status({ status: 'verifying sha256 digest' });
  sink.status({ status: 'writing manifest' });
  context.installed.set(manifest.name, installedFrom(manifest));
  sink.succeed();
}
