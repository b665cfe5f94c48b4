import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { SessionTokens } from '../../shared/sync-api/accounts';
import type { ServerContext } from '../context';
import type { ServerDb } from '../db/schema';
import type { RefreshFamiliesTable } from '../db/tables/sessions';
import { ApiError } from '../http/api-error';
import { randomSecret, sha256Hex } from './secret-tokens';

type Db = Kysely<ServerDb> | Transaction<ServerDb>;
type RevokeReason = NonNullable<RefreshFamiliesTable['revoked_reason']>;

const FORMAT = /^([0-9a-f-]{36})\.(\d{1,9})\.([A-Za-z0-9_-]{43})$/;

/**
 * A refresh token is `<familyId>.<generation>.<secret>`. The family id is random and only ever
 * appears inside tokens, so a well-formed token of an older generation proves its bearer saw a
 * token that has since been rotated: that is the reuse signal.
 */
function compose(familyId: string, generation: number): string {
  return `${familyId}.${generation}.${randomSecret()}`;
}

function expiry(context: ServerContext): Date {
  return new Date(context.now().getTime() + context.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
}

/** Starts a family for a device that just signed in, inside the caller's transaction. */
export async function startFamily(
  trx: Db,
  context: ServerContext,
  input: { userId: string; deviceId: string },
): Promise<string> {
  // The id is made here, not by the database, because the token that is hashed contains it.
  const familyId = randomUUID();
  const token = compose(familyId, 0);
  await trx
    .insertInto('refresh_families')
    .values({
      id: familyId,
      user_id: input.userId,
      device_id: input.deviceId,
      token_hash: sha256Hex(token),
      expires_at: expiry(context),
    })
    .execute();
  return token;
}

/** Access + refresh tokens for a device, as the wire contract returns them. */
export async function sessionTokens(
  context: ServerContext,
  input: { userId: string; deviceId: string; role: 'user' | 'admin'; refreshToken: string },
): Promise<SessionTokens> {
  const accessToken = await context.tokens.sign({ userId: input.userId, deviceId: input.deviceId, role: input.role });
  return {
    accessToken,
    expiresIn: context.tokens.expiresIn,
    refreshToken: input.refreshToken,
    userId: input.userId,
    deviceId: input.deviceId,
  };
}

const signInAgain = () => new ApiError(401, 'unauthenticated', 'This sign-in is no longer valid; sign in again.');

/**
 * Exchanges a refresh token for a new pair. The swap is one compare-and-set UPDATE, so two
 * instances given the same token cannot both rotate it: the loser sees an older generation and the
 * family is revoked (401 `refresh_reused`), which is what a stolen token looks like.
 */
export async function rotateRefreshToken(context: ServerContext, presented: string): Promise<SessionTokens> {
  const match = FORMAT.exec(presented);
  if (!match) throw signInAgain();
  const [, familyId = '', generationText = '0'] = match;
  const generation = Number(generationText);
  const now = context.now();
  const next = compose(familyId, generation + 1);

  const rotated = await context.db
    .updateTable('refresh_families')
    .set({ generation: generation + 1, token_hash: sha256Hex(next), rotated_at: now, expires_at: expiry(context) })
    .where('id', '=', familyId)
    .where('generation', '=', generation)
    .where('token_hash', '=', sha256Hex(presented))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('devices')
          .select('devices.id')
          .whereRef('devices.id', '=', 'refresh_families.device_id')
          .where('devices.revoked_at', 'is', null),
      ),
    )
    .returning(['user_id', 'device_id'])
    .executeTakeFirst();
  if (rotated) {
    const user = await context.db
      .selectFrom('users')
      .select('role')
      .where('id', '=', rotated.user_id)
      .executeTakeFirstOrThrow();
    return sessionTokens(context, {
      userId: rotated.user_id,
      deviceId: rotated.device_id,
      role: user.role,
      refreshToken: next,
    });
  }
  throw await explainRefusal(context, familyId, generation, presented);
}

/** Why a refresh failed; a reuse also revokes the family (and its device) before answering. */
async function explainRefusal(
  context: ServerContext,
  familyId: string,
  generation: number,
  presented: string,
): Promise<ApiError> {
  const family = await context.db
    .selectFrom('refresh_families')
    .innerJoin('devices', 'devices.id', 'refresh_families.device_id')
    .select([
      'refresh_families.generation',
      'refresh_families.token_hash',
      'refresh_families.revoked_at',
      'refresh_families.revoked_reason',
      'refresh_families.expires_at',
      'refresh_families.device_id',
      'devices.revoked_at as device_revoked_at',
    ])
    .where('refresh_families.id', '=', familyId)
    .executeTakeFirst();
  if (!family) return signInAgain();
  if (family.revoked_at || family.device_revoked_at) {
    switch (family.revoked_reason) {
      case 'reuse':
        return new ApiError(
          401,
          'refresh_reused',
          'This sign-in was ended because its token was used twice; sign in again.',
        );
      case 'password_reset':
        return new ApiError(
          401,
          'unauthenticated',
          'The account password was changed; sign in again with the new one.',
        );
      case 'logout':
        return new ApiError(401, 'unauthenticated', 'This device signed out; sign in again.');
      default:
        return new ApiError(401, 'device_revoked', 'This device was signed out from another device; sign in again.');
    }
  }
  if (generation < family.generation) {
    await context.db.transaction().execute((trx) => revokeDevice(trx, context, family.device_id, 'reuse'));
    context.logger.warn({ familyId }, 'refresh token reused; family revoked');
    return new ApiError(
      401,
      'refresh_reused',
      'This sign-in was ended because its refresh token was used twice (a copy may exist elsewhere); sign in again.',
    );
  }
  if (family.expires_at <= context.now() && sha256Hex(presented) === family.token_hash) {
    return new ApiError(401, 'unauthenticated', 'This sign-in expired after a long time unused; sign in again.');
  }
  return signInAgain();
}

/**
 * Ends a device's sign-in: its families stop refreshing and `authenticate` refuses its access token
 * at once. Revoking the device (not only the family) also frees its slot in the tier's device limit.
 */
export async function revokeDevice(
  db: Db,
  context: ServerContext,
  deviceId: string,
  reason: RevokeReason,
): Promise<void> {
  await revokeSignIns(db, context.now(), { column: 'device', id: deviceId }, reason);
}

/** After a password reset every sign-in of the account ends, wherever it is. */
export async function revokeEverySignIn(
  db: Db,
  context: ServerContext,
  userId: string,
  reason: RevokeReason,
): Promise<void> {
  await revokeSignIns(db, context.now(), { column: 'user', id: userId }, reason);
}

/** The refresh families and the devices of one device or of a whole account, ended at `now`. */
async function revokeSignIns(
  db: Db,
  now: Date,
  scope: { column: 'device' | 'user'; id: string },
  reason: RevokeReason,
): Promise<void> {
  await db
    .updateTable('refresh_families')
    .set({ revoked_at: now, revoked_reason: reason })
    .where(scope.column === 'device' ? 'device_id' : 'user_id', '=', scope.id)
    .where('revoked_at', 'is', null)
    .execute();
  await db
    .updateTable('devices')
    .set({ revoked_at: now })
    .where(scope.column === 'device' ? 'id' : 'user_id', '=', scope.id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** How long an ended family is kept, so a late reuse of its tokens is still reported as such. */
export const ENDED_FAMILY_RETENTION_DAYS = 30;

/** Drops families that ended (revoked or expired) long ago: their tokens can never work again. */
export async function sweepEndedFamilies(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - ENDED_FAMILY_RETENTION_DAYS * 86_400_000);
  const result = await db
    .deleteFrom('refresh_families')
    .where((eb) => eb.or([eb('revoked_at', '<', cutoff), eb('expires_at', '<', cutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
