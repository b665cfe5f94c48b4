import type { Kysely } from 'kysely';
import { type Keyring, keyringSchema } from '../../shared/sync-api/sync';
import type { ServerDb } from '../db/schema';
import type { StoredKeyring } from '../db/tables/sync';
import { ApiError } from '../http/api-error';

/** The user's keyring, or 404 `not_found` before the first device has set one. */
export async function getKeyring(db: Kysely<ServerDb>, userId: string): Promise<Keyring> {
  const row = await db
    .selectFrom('sync_keyrings')
    .select(['version', 'keyring'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) {
    throw new ApiError(404, 'not_found', 'No sync keyring yet: set a passphrase on this device to create one.');
  }
  return toKeyring(row);
}

/**
 * Compare-and-set on `version`: `expectedVersion: null` creates the keyring (version 1) only if
 * none exists; a number replaces it only if it is still at that version. Two devices changing the
 * passphrase at once cannot both win: the loser gets 409 `conflict` with the current version,
 * reloads, re-wraps and tries again. Each branch is a single statement, so no transaction is needed.
 */
export async function putKeyring(
  db: Kysely<ServerDb>,
  input: { userId: string; expectedVersion: number | null; keyring: StoredKeyring },
): Promise<Keyring> {
  const json = JSON.stringify(input.keyring);
  const written =
    input.expectedVersion === null
      ? await db
          .insertInto('sync_keyrings')
          .values({ user_id: input.userId, version: 1, keyring: json })
          .onConflict((conflict) => conflict.column('user_id').doNothing())
          .returning(['version', 'keyring'])
          .executeTakeFirst()
      : await db
          .updateTable('sync_keyrings')
          .set({ keyring: json, version: input.expectedVersion + 1, updated_at: new Date() })
          .where('user_id', '=', input.userId)
          .where('version', '=', input.expectedVersion)
          .returning(['version', 'keyring'])
          .executeTakeFirst();
  if (written) return toKeyring(written);

  const current = await db
    .selectFrom('sync_keyrings')
    .select('version')
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
  const currentVersion = current?.version ?? null;
  throw new ApiError(
    409,
    'conflict',
    currentVersion === null
      ? 'There is no sync keyring to update yet; create one first.'
      : `The sync keyring changed on another device (now version ${currentVersion}); load it and try again.`,
    { currentVersion, expectedVersion: input.expectedVersion },
  );
}

/** Rows are parsed with the wire schema on the way out, so a device never receives a malformed keyring. */
function toKeyring(row: { version: number; keyring: unknown }): Keyring {
  const stored = typeof row.keyring === 'object' && row.keyring !== null ? row.keyring : {};
  return keyringSchema.parse({ ...stored, version: row.version });
}
