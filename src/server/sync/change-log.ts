import { type Kysely, sql } from 'kysely';
import type { EncryptedChange, PulledChange } from '../../shared/sync-api/sync';
import type { ServerDb } from '../db/schema';
import { decodeBlob } from './blob';
import { encodeCursor } from './cursor';
import { encodeNotice, SYNC_CHANNEL } from './notifications';

/** First key of the two-key advisory lock, so sync's per-user locks never meet another area's. */
export const PUSH_LOCK_NAMESPACE = 0x5359_4e43; // "SYNC"

export interface PushResult {
  accepted: number;
  cursor: string;
}

/**
 * Appends a device's changes to its user's log in one transaction: all or nothing, so a push cut
 * off half-way (crash, dropped connection) leaves no trace and its retry stores the full set.
 * (user_id, hlc) is unique and conflicts are skipped, so a retry of a push that did commit is a
 * no-op. The pushes of one user are serialised by an advisory lock held to commit: `seq` comes
 * from a global sequence, and without the lock a later push could commit before an earlier one,
 * letting a pull's cursor move past a row that becomes visible afterwards (and is then never
 * pulled). Other users' pushes run in parallel. The NOTIFY is sent inside the transaction, which
 * PostgreSQL delivers only if and when it commits.
 */
export async function pushChanges(
  db: Kysely<ServerDb>,
  input: { userId: string; deviceId: string; changes: readonly EncryptedChange[] },
): Promise<PushResult> {
  const rows = input.changes.map((change, index) => ({
    user_id: input.userId,
    device_id: input.deviceId,
    hlc: change.hlc,
    key_id: change.keyId,
    blob: decodeBlob(change.blob, index),
  }));
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${PUSH_LOCK_NAMESPACE}::int, hashtext(${input.userId}))`.execute(trx);
    const inserted = await trx
      .insertInto('sync_changes')
      .values(rows)
      .onConflict((conflict) => conflict.columns(['user_id', 'hlc']).doNothing())
      .returning('seq')
      .execute();
    const latest = await trx
      .selectFrom('sync_changes')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('user_id', '=', input.userId)
      .executeTakeFirst();
    const cursor = encodeCursor(Number(latest?.seq ?? 0));
    if (inserted.length > 0) {
      const payload = encodeNotice({ u: input.userId, d: input.deviceId, c: cursor });
      await sql`select pg_notify(${SYNC_CHANNEL}, ${payload})`.execute(trx);
    }
    return { accepted: inserted.length, cursor };
  });
}

export interface PullResult {
  changes: PulledChange[];
  cursor: string;
  hasMore: boolean;
}

/** One page of a user's log after `afterSeq`, oldest first; the cursor is the last row's seq. */
export async function pullChanges(
  db: Kysely<ServerDb>,
  input: { userId: string; afterSeq: number; limit: number },
): Promise<PullResult> {
  const rows = await db
    .selectFrom('sync_changes')
    .select(['seq', 'device_id', 'hlc', 'key_id', 'blob'])
    .where('user_id', '=', input.userId)
    .where('seq', '>', input.afterSeq)
    .orderBy('seq')
    // One more than asked says whether another page follows without a count query.
    .limit(input.limit + 1)
    .execute();
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const last = page.at(-1);
  return {
    changes: page.map((row) => ({
      hlc: row.hlc,
      keyId: row.key_id,
      blob: row.blob.toString('base64'),
      deviceId: row.device_id,
    })),
    cursor: encodeCursor(last ? last.seq : input.afterSeq),
    hasMore,
  };
}

/** The newest cursor of each given user (0 when a log is empty): for catching live sockets up. */
export async function latestCursors(db: Kysely<ServerDb>, userIds: readonly string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>(userIds.map((id) => [id, encodeCursor(0)]));
  if (userIds.length === 0) return result;
  const rows = await db
    .selectFrom('sync_changes')
    .select(['user_id', (eb) => eb.fn.max('seq').as('seq')])
    .where('user_id', 'in', userIds)
    .groupBy('user_id')
    .execute();
  for (const row of rows) result.set(row.user_id, encodeCursor(Number(row.seq)));
  return result;
}
