import type { Transaction } from 'kysely';
import type { DeviceInfo, SessionTokens, Tier } from '../../shared/sync-api/accounts';
import type { ServerContext } from '../context';
import type { ServerDb } from '../db/schema';
import { ApiError } from '../http/api-error';
import { TIER_ENTITLEMENTS } from '../tiers/entitlements';
import { sessionTokens, startFamily } from './refresh-tokens';

/**
 * Registers a new device for the user and starts its refresh family, refusing with 403
 * `device_limit` when the tier's active devices are all taken. The user row is locked first so
 * two sign-ins racing for the last slot cannot both get it.
 */
export async function signInDevice(
  trx: Transaction<ServerDb>,
  context: ServerContext,
  input: { userId: string; device: DeviceInfo },
): Promise<SessionTokens> {
  const user = await trx
    .selectFrom('users')
    .select(['tier', 'role'])
    .where('id', '=', input.userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  await assertDeviceSlot(trx, input.userId, user.tier);
  const device = await trx
    .insertInto('devices')
    .values({
      user_id: input.userId,
      name: input.device.name,
      platform: input.device.platform,
      last_seen_at: context.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const refreshToken = await startFamily(trx, context, { userId: input.userId, deviceId: device.id });
  return sessionTokens(context, { userId: input.userId, deviceId: device.id, role: user.role, refreshToken });
}

async function assertDeviceSlot(trx: Transaction<ServerDb>, userId: string, tier: Tier): Promise<void> {
  const limit = TIER_ENTITLEMENTS[tier].devices;
  const row = await trx
    .selectFrom('devices')
    .select((eb) => eb.fn.countAll<number>().as('active'))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  const active = Number(row.active);
  if (active < limit) return;
  throw new ApiError(
    403,
    'device_limit',
    `Your ${tier} plan allows ${limit} signed-in device${limit === 1 ? '' : 's'} and all are in use. ` +
      'To free a slot, sign out on a device you no longer use, or revoke it in Settings → Sync → Devices on another ' +
      'device. Lost every device? Reset your password: that signs out everywhere. Or upgrade your plan.',
    { limit, active, tier },
  );
}
