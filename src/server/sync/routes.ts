import type {} from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import {
  type PullResponse,
  pullQuerySchema,
  type PushResponse,
  pushRequestSchema,
  putKeyringRequestSchema,
} from '../../shared/sync-api/sync';
import type { ServerContext } from '../context';
import { parse } from '../http/parse';
import { pullChanges, pushChanges } from './change-log';
import { checkClockSkew } from './clock-skew';
import { decodeCursor } from './cursor';
import { getKeyring, putKeyring } from './keyring-store';
import { registerLiveRoute } from './live-route';

/**
 * A push body is at most 1,000 changes, but 1,000 full-size changes (64 KiB each) would be 90 MB
 * of JSON held in memory. 8 MiB bounds a request; devices batch by size as well as by count.
 */
export const PUSH_BODY_LIMIT = 8 * 1024 * 1024;

/** Push, pull, keyring and the live channel (fan-out across instances by LISTEN/NOTIFY). */
export async function registerSyncRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  app.post('/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request): Promise<PushResponse> => {
    const auth = await context.authenticate(request);
    const body = parse(pushRequestSchema, request.body);
    const serverTime = context.now().getTime();
    checkClockSkew(body.changes, serverTime, body.sentAt);
    const result = await pushChanges(context.db, {
      userId: auth.userId,
      deviceId: auth.deviceId,
      changes: body.changes,
    });
    context.metrics.syncChangesPushed.inc(result.accepted);
    return { ...result, serverTime };
  });

  app.get('/sync/pull', async (request): Promise<PullResponse> => {
    const auth = await context.authenticate(request);
    const query = parse(pullQuerySchema, request.query ?? {});
    const page = await pullChanges(context.db, {
      userId: auth.userId,
      afterSeq: decodeCursor(query.cursor),
      limit: query.limit,
    });
    context.metrics.syncChangesPulled.inc(page.changes.length);
    return { ...page, serverTime: context.now().getTime() };
  });

  app.get('/sync/keyring', async (request) => {
    const auth = await context.authenticate(request);
    return getKeyring(context.db, auth.userId);
  });

  app.put('/sync/keyring', async (request) => {
    const auth = await context.authenticate(request);
    const body = parse(putKeyringRequestSchema, request.body);
    return putKeyring(context.db, { userId: auth.userId, ...body });
  });

  registerLiveRoute(app, context);
}
