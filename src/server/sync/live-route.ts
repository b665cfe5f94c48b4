import type {} from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/access-token';
import type { ServerContext } from '../context';
import { activeDeviceIds } from './active-devices';
import { latestCursors } from './change-log';
import { LiveHub } from './live-hub';
import { NotificationListener } from './notification-listener';

/**
 * GET /v1/sync/live: the WebSocket that tells a device "pull now". Pushes on any instance reach it
 * through PostgreSQL NOTIFY, heard by this instance's listener and handed to its hub.
 */
export function registerLiveRoute(app: FastifyInstance, context: ServerContext): void {
  const hub = new LiveHub(context.metrics, {
    activeDevices: (deviceIds) => activeDeviceIds(context.db, deviceIds),
    onSweepError: (error) => context.logger.warn({ err: error }, 'could not check live devices'),
  });
  const listener = new NotificationListener({
    connectionString: context.config.DATABASE_LISTEN_URL ?? context.config.DATABASE_URL,
    logger: context.logger,
    onNotice: (notice) => hub.deliver(notice),
    onReconnected: () => {
      // Pushes made while the listener was down were announced to nobody here: nudge everyone.
      latestCursors(context.db, hub.userIds)
        .then((cursors) => hub.nudge(cursors))
        .catch((error: unknown) => context.logger.warn({ err: error }, 'could not catch live sockets up'));
    },
  });
  context.readiness.add('listener', () => listener.check());
  app.addHook('onReady', async () => {
    hub.start();
    await listener.start();
  });
  app.addHook('onClose', async () => {
    hub.stop();
    await listener.stop();
  });

  // Authenticated before the upgrade, so a bad or expired token gets a plain 401 with its code.
  const authenticated = new WeakMap<FastifyRequest, AuthContext>();
  app.get(
    '/sync/live',
    {
      websocket: true,
      // The access token is in the query string: keep this route's URL out of the request logs.
      logLevel: 'warn',
      preValidation: async (request) => {
        authenticated.set(request, await context.authenticate(request));
      },
    },
    (socket, request) => {
      const auth = authenticated.get(request);
      if (!auth) {
        socket.close(1008, 'unauthenticated');
        return;
      }
      hub.add(auth.userId, auth.deviceId, socket);
    },
  );
}
