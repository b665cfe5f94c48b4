import type { FastifyInstance } from 'fastify';
import {
  createRelayJobSchema,
  listRelayJobsQuerySchema,
  relayJobIdParamsSchema,
  relaySealContext,
} from '../../shared/sync-api/relay';
import { openRelayEnvelope, RelaySealError } from '../../main/publishing/relay/relay-seal';
import { requireVerifiedEmail } from '../accounts/verified';
import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import { parse } from '../http/parse';
import { TIER_ENTITLEMENTS, usagePeriod } from '../tiers/entitlements';
import { consumeQuota, refundQuota } from '../usage/usage-meter';
import { loadRelayKeys, type RelayKeys } from './relay-keys';
import { RelayJobsRepository, toRelayJob } from './relay-jobs.repository';
import { RelayWorker } from './relay-worker';

/** The publish relay: scheduled posts handed over by a device, published while it sleeps. */
export async function registerRelayRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const keys = loadRelayKeys(context.config.RELAY_PRIVATE_KEY);
  const jobs = new RelayJobsRepository(context.db);
  const { db } = context;

  const requireKeys = (): RelayKeys => {
    if (!keys) {
      throw new ApiError(
        503,
        'unavailable',
        'The publish relay is not set up on this server; posts are published from your device.',
      );
    }
    return keys;
  };

  app.get('/relay/public-key', async () => requireKeys().publicKey);

  // Per client address; off when a proxy in front already limits (RATE_LIMITS=off).
  const rateLimit = context.config.RATE_LIMITS === 'on' ? { max: 120, timeWindow: '1 minute' } : false;
  app.post('/relay/jobs', { config: { rateLimit } }, async (request, reply) => {
    const relay = requireKeys();
    const auth = await context.authenticate(request);
    await requireVerifiedEmail(db, auth.userId);
    const body = parse(createRelayJobSchema, request.body);
    if (body.sealed.keyId !== relay.publicKey.keyId) {
      throw new ApiError(409, 'key_mismatch', "The relay's key has changed; fetch it again and seal the post anew.", {
        keyId: relay.publicKey.keyId,
      });
    }
    // Opened once here so a post the worker could never read is refused now, not at its time.
    try {
      const payload = openRelayEnvelope(
        relay.privateKey,
        body.sealed,
        relaySealContext({ userId: auth.userId, idempotencyKey: body.idempotencyKey, platform: body.platform }),
      );
      if (payload.platform !== body.platform) throw new RelaySealError('The sealed post is for another platform.');
    } catch (error) {
      if (error instanceof RelaySealError) throw new ApiError(400, 'invalid_input', error.message);
      throw error;
    }
    const now = context.now();
    const existing = await jobs.findByKey(db, auth.userId, body.idempotencyKey);
    if (existing && existing.status !== 'cancelled') return reply.status(200).send(toRelayJob(existing));
    const user = await db.selectFrom('users').select('tier').where('id', '=', auth.userId).executeTakeFirstOrThrow();
    const period = usagePeriod(now);
    const values = { dueAt: new Date(body.dueAt), sealed: JSON.stringify(body.sealed), quotaPeriod: period, now };
    const created = await db.transaction().execute(async (tx) => {
      // The quota and the job commit together: a refused quota leaves no job, a failed insert takes no quota.
      // A job taken back earlier (cancelled) is the same job queued anew.
      const row = existing
        ? await jobs.reviveCancelled(tx, existing.id, values)
        : await jobs.insertNew(tx, {
            userId: auth.userId,
            deviceId: auth.deviceId,
            idempotencyKey: body.idempotencyKey,
            platform: body.platform,
            ...values,
          });
      if (!row) return null;
      await consumeQuota(tx, {
        userId: auth.userId,
        kind: 'relay_posts',
        amount: 1,
        limit: TIER_ENTITLEMENTS[user.tier].relayPostsPerMonth,
        period,
      });
      return row;
    });
    if (created) return reply.status(201).send(toRelayJob(created));
    // A concurrent hand-off with the same key won the write: same key, same job.
    const raced = await jobs.findByKey(db, auth.userId, body.idempotencyKey);
    if (!raced) throw new ApiError(500, 'internal', 'The relay job could not be stored; try again.');
    return reply.status(200).send(toRelayJob(raced));
  });

  app.get('/relay/jobs', async (request) => {
    requireKeys();
    const auth = await context.authenticate(request);
    const query = parse(listRelayJobsQuerySchema, request.query);
    const serverTime = context.now().toISOString();
    const rows = await jobs.changedSince(auth.userId, query.since ? new Date(query.since) : null, query.limit);
    const hasMore = rows.length > query.limit;
    return { jobs: rows.slice(0, query.limit).map(toRelayJob), hasMore, serverTime };
  });

  app.delete('/relay/jobs/:id', async (request) => {
    requireKeys();
    const auth = await context.authenticate(request);
    const { id } = parse(relayJobIdParamsSchema, request.params);
    const job = await jobs.find(auth.userId, id);
    if (!job) throw new ApiError(404, 'not_found', 'No such relay job.');
    if (job.status === 'cancelled') return toRelayJob(job);
    const cancelled = await db.transaction().execute(async (tx) => {
      const row = await jobs.cancelQueued(tx, auth.userId, id, context.now());
      if (row) await refundQuota(tx, { userId: auth.userId, kind: 'relay_posts', amount: 1, period: row.quota_period });
      return row;
    });
    if (cancelled) return toRelayJob(cancelled);
    const latest = (await jobs.find(auth.userId, id)) ?? job;
    throw new ApiError(
      409,
      'conflict',
      latest.status === 'published'
        ? 'The relay has already published this post.'
        : 'The relay has already started this post; its result will reach your device.',
      { status: latest.status },
    );
  });

  if (keys && context.runWorkers) {
    const worker = new RelayWorker(
      { db, privateKey: keys.privateKey, metrics: context.metrics, logger: context.logger, now: context.now },
      { allowPrivateHosts: context.config.RELAY_ALLOW_PRIVATE_HOSTS === 'true' },
    );
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => worker.stop());
  }
}
