import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deleteAccountRequestSchema, type Device, type MeResponse } from '../../shared/sync-api/accounts';
import { ApiError } from '../http/api-error';
import { parse } from '../http/parse';
import { TIER_ENTITLEMENTS, usagePeriod } from '../tiers/entitlements';
import { usageFor } from '../usage/usage-meter';
import type { AccountsEnv } from './accounts-env';
import { verifyPassword } from './passwords';
import { revokeDevice } from './refresh-tokens';
import { throttleAccount } from './throttle';

const deviceParams = z.object({ id: z.string().uuid() });

/** The signed-in account: profile, plan and usage, deletion, and its devices. */
export function registerMeRoutes(app: FastifyInstance, env: AccountsEnv): void {
  const { context, record } = env;

  app.get('/me', async (request): Promise<MeResponse> => {
    const auth = await context.authenticate(request);
    const user = await context.db
      .selectFrom('users')
      .select(['id', 'email', 'email_verified_at', 'role', 'tier', 'created_at'])
      .where('id', '=', auth.userId)
      .executeTakeFirstOrThrow();
    const period = usagePeriod(context.now());
    const usage = await usageFor(context.db, user.id, period);
    return {
      userId: user.id,
      email: user.email,
      emailVerified: user.email_verified_at !== null,
      role: user.role,
      tier: user.tier,
      entitlements: TIER_ENTITLEMENTS[user.tier],
      usage: { ...usage, period },
      createdAt: user.created_at.toISOString(),
    };
  });

  /**
   * Deleting the user row is the whole deletion: every user-owned table references users(id) ON
   * DELETE CASCADE, so nothing is left behind in tables this file does not know about.
   */
  app.delete('/me', async (request, reply) => {
    const auth = await context.authenticate(request);
    const input = parse(deleteAccountRequestSchema, request.body);
    // A stolen access token must not become a password oracle.
    await throttleAccount(context, 'passwordCheck', `user:${auth.userId}`);
    const user = await context.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', auth.userId)
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(user.password_hash, input.password))) {
      throw new ApiError(403, 'invalid_credentials', 'That password is not right; the account was not deleted.');
    }
    await context.db.deleteFrom('users').where('id', '=', auth.userId).execute();
    record('account_deleted');
    context.logger.info({ userId: auth.userId }, 'account deleted');
    return reply.status(204).send();
  });

  app.get('/devices', async (request): Promise<{ devices: Device[] }> => {
    const auth = await context.authenticate(request);
    const rows = await context.db
      .selectFrom('devices')
      .select(['id', 'name', 'platform', 'created_at', 'last_seen_at', 'revoked_at'])
      .where('user_id', '=', auth.userId)
      .orderBy('revoked_at', (ob) => ob.desc().nullsFirst())
      .orderBy('created_at', 'desc')
      .execute();
    return {
      devices: rows.map((d) => ({
        id: d.id,
        name: d.name,
        platform: d.platform,
        createdAt: d.created_at.toISOString(),
        lastSeenAt: d.last_seen_at?.toISOString() ?? null,
        revokedAt: d.revoked_at?.toISOString() ?? null,
        current: d.id === auth.deviceId,
      })),
    };
  });

  /** Signs a device out from another one: its refresh families end and its access token stops now. */
  app.post('/devices/:id/revoke', async (request, reply) => {
    const auth = await context.authenticate(request);
    const { id } = parse(deviceParams, request.params);
    const device = await context.db
      .selectFrom('devices')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', auth.userId)
      .executeTakeFirst();
    if (!device) throw new ApiError(404, 'not_found', 'No such device on this account.');
    await context.db.transaction().execute((trx) => revokeDevice(trx, context, id, 'device_revoked'));
    record('device_revoked');
    return reply.status(204).send();
  });
}
