import type { Kysely } from 'kysely';
import type { ServerDb } from '../db/schema';

/**
 * The devices among these that are still signed in (not revoked; their account still exists).
 * One query for every live socket of an instance, once per ping round.
 */
export async function activeDeviceIds(db: Kysely<ServerDb>, deviceIds: readonly string[]): Promise<Set<string>> {
  if (deviceIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('devices')
    .select('id')
    .where('id', 'in', deviceIds)
    .where('revoked_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => row.id));
}
