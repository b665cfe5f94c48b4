import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { registerAccountRoutes } from './accounts/routes';
import { registerAiRoutes } from './ai/routes';
import { AccessTokens } from './auth/access-token';
import { createAuthenticator } from './auth/authenticate';
import { type ServerConfig, trustProxySetting } from './config';
import type { ServerContext } from './context';
import type { ServerDatabase } from './db/database';
import { installErrorHandler } from './http/error-handler';
import type { Mailer } from './mail/mailer';
import { installHealth, Readiness } from './observability/health';
import { createServerLogger } from './observability/logger';
import { ServerMetrics } from './observability/metrics';
import { registerOauthRoutes } from './oauth/routes';
import { registerRelayRoutes } from './relay/routes';
import { registerSyncRoutes } from './sync/routes';

/** Every route an instance serves, for the authorization matrix test and the docs. */
const routeTables = new WeakMap<FastifyInstance, Array<{ method: string; url: string }>>();
export function registeredRoutes(app: FastifyInstance): ReadonlyArray<{ method: string; url: string }> {
  return routeTables.get(app) ?? [];
}

export interface ServerDeps {
  config: ServerConfig;
  database: ServerDatabase;
  mailer: Mailer;
  logger?: Logger;
  now?: () => Date;
  runWorkers?: boolean;
}

/**
 * One stateless instance of the sync service. Everything it keeps lives in PostgreSQL, so any
 * number of instances can run behind a load balancer; live notifications cross instances by
 * LISTEN/NOTIFY.
 */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const logger = deps.logger ?? createServerLogger(deps.config.LOG_LEVEL);
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: 8 * 1024 * 1024,
    // Behind a load balancer the client address comes from X-Forwarded-For (rate limits use it).
    trustProxy: trustProxySetting(deps.config.TRUST_PROXY),
  });
  const now = deps.now ?? (() => new Date());
  const tokens = new AccessTokens(deps.config.JWT_SECRET, deps.config.ACCESS_TOKEN_TTL_SECONDS, now);
  const metrics = new ServerMetrics();
  const readiness = new Readiness();
  const context: ServerContext = {
    config: deps.config,
    db: deps.database.db,
    database: deps.database,
    tokens,
    authenticate: createAuthenticator(deps.database.db, tokens, now),
    mailer: deps.mailer,
    metrics,
    readiness,
    logger,
    now,
    runWorkers: deps.runWorkers ?? true,
  };

  const routes: Array<{ method: string; url: string }> = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  installErrorHandler(app);
  metrics.install(app);
  installHealth(app, deps.database.db, readiness);
  await app.register(rateLimit, { global: false });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  app.addHook('preClose', async () => readiness.drain());

  await app.register(
    async (api) => {
      await registerAccountRoutes(api, context);
      await registerSyncRoutes(api, context);
      await registerAiRoutes(api, context);
      await registerRelayRoutes(api, context);
      await registerOauthRoutes(api, context);
    },
    { prefix: '/v1' },
  );
  return app;
}
