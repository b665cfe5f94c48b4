import { existsSync, readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { ContractError } from '../../shared/contract/errors';
import { APP_VERSION } from '../app/version';
import type { Core } from '../core';
import { createAccessToken, tokenFromRequest, tokenMatches } from './access-token';
import { HTTP_STATUS } from './http-status';
import { isLoopbackHost, SECURITY_HEADERS } from './security-headers';

export interface HostOptions {
  core: Core;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (out/renderer); without it only the API is served. */
  rendererDir?: string;
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  server: FastifyInstance;
  close(): Promise<void>;
}

/** Largest request body: an import of a big library fits. */
const BODY_LIMIT_BYTES = 200 * 1024 * 1024;

/**
 * The headless host: the same contract as Electron's IPC, over HTTP (POST /api/invoke/<channel>)
 * and a WebSocket of push events (/api/events), plus the built renderer. Binds 127.0.0.1 only;
 * every /api route needs the access token; /health does not.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { core } = options;
  const token = options.token ?? createAccessToken();
  // forceCloseConnections: a browser tab's keep-alive sockets must not hold up shutdown.
  const server = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES, forceCloseConnections: true });
  let boundPort = options.port ?? 0;

  server.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    if (!isLoopbackHost(request.headers.host, boundPort)) {
      return reply.code(403).send({ ok: false, error: forbiddenHost().toJSON() });
    }
    if (request.url.startsWith('/api/')) {
      if (!tokenMatches(token, tokenFromRequest(request.headers, request.url))) {
        const error = new ContractError('UNAUTHORIZED', 'Open Cadence with the URL (and token) the host printed');
        return reply.code(401).send({ ok: false, error: error.toJSON() });
      }
    }
    return undefined;
  });

  server.get('/health', async () => ({ status: 'ok', version: APP_VERSION }));

  server.post<{ Params: { channel: string } }>('/api/invoke/:channel', async (request, reply) => {
    const envelope = await core.dispatcher.invoke(request.params.channel, request.body ?? {});
    return reply.code(envelope.ok ? 200 : HTTP_STATUS[envelope.error.code]).send(envelope);
  });

  await server.register(fastifyWebsocket);
  server.register(async (scope) => {
    scope.get('/api/events', { websocket: true }, (socket) => {
      const unsubscribe = core.events.onAny((event, payload) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ event, payload }));
      });
      socket.on('close', unsubscribe);
    });
  });

  const rendererDir = options.rendererDir;
  if (rendererDir && existsSync(join(rendererDir, 'index.html'))) {
    const appShell = appShellHtml(rendererDir);
    await server.register(fastifyStatic, { root: rendererDir, index: false, wildcard: false });
    // Every client-side route (/, /library, /compose/<id>, …) loads the app shell.
    server.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.type('text/html; charset=utf-8').send(appShell);
      }
      const error = new ContractError('NOT_FOUND', `No route ${request.method} ${request.url}`);
      return reply.code(404).send({ ok: false, error: error.toJSON() });
    });
  }

  // Upgraded and refused-upgrade sockets are not tracked by Fastify; track every socket so a
  // shutdown never waits on a client.
  const sockets = new Set<Socket>();
  server.server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await server.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = server.server.address();
  boundPort = typeof address === 'object' && address ? address.port : boundPort;
  const url = `http://127.0.0.1:${boundPort}/?token=${token}`;
  const close = async () => {
    for (const client of server.websocketServer.clients) client.terminate();
    const closed = server.close();
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return { url, port: boundPort, token, server, close };
}

/**
 * The built index.html uses relative asset paths (Electron loads it from file://). Served over
 * HTTP at a nested route such as /compose/<id>, those would resolve under that route, so the
 * host pins them to the root with a <base> element.
 */
function appShellHtml(rendererDir: string): string {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  return html.replace(/<head>/i, '<head>\n    <base href="/" />');
}

function forbiddenHost(): ContractError {
  return new ContractError('FORBIDDEN', 'The host answers only on 127.0.0.1 or localhost');
}
