import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DownloadManager, type DownloadObservations } from './downloads';
import { PeerEngine } from './engine';
import { handleGenerate } from './generate';
import { type JsonObject, parseJsonObject, readBody, sendError, sendJson, sendRouteNotFound } from './http';
import { flattenMetadata, handleDelete, handleEmbed, handlePs, handleShow, handleTags } from './models';
import { requireTestModel, STORIES_260K } from './models-path';
import { handlePull } from './pull';
import {
  defaultRegistry,
  type InstalledModel,
  installedFrom,
  normaliseName,
  type RegistryModel,
  RunningModels,
} from './store';

export interface OllamaPeerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  version?: string;
  /** Models the simulated registry serves; defaults to stories260k, tinyllama:1.1b, nomic-embed-text. */
  registry?: RegistryModel[];
  /** Names installed at start; defaults to ["stories260k:latest"]. */
  installed?: string[];
  /** Simulated download speed and how often progress lines go out. */
  pull?: { bytesPerSecond?: number; tickMs?: number };
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: JsonObject | null;
}

export interface OllamaPeer {
  url: string;
  port: number;
  /** Every request as received, for assertions on what the client sent. */
  requests: RecordedRequest[];
  observed: DownloadObservations & { generationAborts: number; droppedGenerations: number };
  /** One-shot faults; each resets to null once it fires. */
  faults: { dropChatAfterChunks: number | null; dropPullAfterBytes: number | null };
  downloads: DownloadManager;
  installed: Map<string, InstalledModel>;
  close(): Promise<void>;
}

/** An Ollama protocol peer on 127.0.0.1, generating with the real stories260K model. */
export async function createOllamaPeer(options: OllamaPeerOptions = {}): Promise<OllamaPeer> {
  const storiesPath = requireTestModel(STORIES_260K);
  const engine = new PeerEngine(storiesPath);
  const registry = new Map((options.registry ?? defaultRegistry(storiesPath)).map((model) => [model.name, model]));
  const installed = new Map<string, InstalledModel>();
  for (const name of options.installed ?? ['stories260k:latest']) {
    const entry = registry.get(normaliseName(name));
    if (!entry) throw new Error(`Peer: cannot install "${name}", it is not in the peer's registry`);
    installed.set(entry.name, installedFrom(entry));
  }
  const downloads = new DownloadManager({
    bytesPerSecond: options.pull?.bytesPerSecond ?? 50 * 1024 * 1024,
    tickMs: options.pull?.tickMs ?? 60,
  });
  const running = new RunningModels();
  const generationObserved = { generationAborts: 0, droppedGenerations: 0 };
  const faults = {
    dropChatAfterChunks: null as number | null,
    get dropPullAfterBytes(): number | null {
      return downloads.dropAfterBytes;
    },
    set dropPullAfterBytes(bytes: number | null) {
      downloads.dropAfterBytes = bytes;
    },
  };
  const requests: RecordedRequest[] = [];
  let storiesInfo: Promise<JsonObject> | null = null;
  const models = {
    installed,
    running,
    engine,
    storiesInfo: () =>
      (storiesInfo ??= import('node-llama-cpp')
        .then(({ readGgufFileInfo }) => readGgufFileInfo(storiesPath, { readTensorInfo: false }))
        .then((info) => flattenMetadata(info.metadata))),
  };
  const generation = { installed, running, engine, faults, observed: generationObserved };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://peer').pathname;
    const method = req.method ?? 'GET';
    const text = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
    const body = parseJsonObject(text);
    requests.push({ method, path, body });
    const key = `${method} ${path}`;
    if (key === 'GET /' || key === 'HEAD /') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end(method === 'HEAD' ? undefined : 'Ollama is running');
    }
    if (key === 'GET /api/version' || key === 'HEAD /api/version') {
      return sendJson(res, 200, { version: options.version ?? '0.12.6' });
    }
    if (key === 'GET /api/tags' || key === 'HEAD /api/tags') return handleTags(res, models);
    if (key === 'GET /api/ps') return handlePs(res, models);
    const isBodyRoute = ['POST /api/', 'DELETE /api/delete'].some((prefix) => key.startsWith(prefix));
    if (isBodyRoute && body === null) return sendError(res, 400, 'invalid character in request body');
    const json = body ?? {};
    switch (key) {
      case 'POST /api/chat':
        return handleGenerate('chat', json, res, generation);
      case 'POST /api/generate':
        return handleGenerate('generate', json, res, generation);
      case 'POST /api/show':
        return handleShow(json, res, models);
      case 'POST /api/embed':
        return handleEmbed(json, res, models);
      case 'DELETE /api/delete':
        return handleDelete(json, res, models);
      case 'POST /api/pull':
        return handlePull(json, res, { registry, installed, downloads });
      default:
        return sendRouteNotFound(res);
    }
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, (error as Error).message);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get observed() {
      return { ...downloads.observed, ...generationObserved };
    },
    faults,
    downloads,
    installed,
    async close() {
      downloads.stopAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.dispose();
    },
  };
}
