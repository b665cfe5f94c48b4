import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { RelayJob } from '../../shared/sync-api/relay';
import type { ServerDb } from '../db/schema';
import type { RelayJobsTable } from '../db/tables/relay';

export type RelayJobRow = Selectable<RelayJobsTable>;
export type RelayJobChanges = Updateable<RelayJobsTable>;

/** Statuses a worker may pick up (leased/sending only once their lease ran out). */
const RUNNABLE = sql.join(['queued', 'leased', 'sending', 'outcome_unknown', 'pending_remote'].map((s) => sql.lit(s)));

/** The wire view of a job (never the sealed envelope). */
export function toRelayJob(row: RelayJobRow): RelayJob {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    platform: row.platform as RelayJob['platform'],
    dueAt: row.due_at.toISOString(),
    status: row.status,
    attempts: row.attempts,
    externalId: row.external_id,
    url: row.url,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** SQL for relay_jobs. Every read and write of a user's jobs is scoped by user_id. */
export class RelayJobsRepository {
  constructor(private readonly db: Kysely<ServerDb>) {}

  async findByKey(db: Kysely<ServerDb>, userId: string, idempotencyKey: string): Promise<RelayJobRow | null> {
    return (
      (await db
        .selectFrom('relay_jobs')
        .selectAll()
        .where('user_id', '=', userId)
        .where('idempotency_key', '=', idempotencyKey)
        .executeTakeFirst()) ?? null
    );
  }

  /** Inserts the job unless the key is already there; null when it was (the caller reads the existing one). */
  async insertNew(
    db: Kysely<ServerDb>,
    values: {
      userId: string;
      deviceId: string;
      idempotencyKey: string;
      platform: string;
      dueAt: Date;
      sealed: string;
      quotaPeriod: string;
      now: Date;
    },
  ): Promise<RelayJobRow | null> {
    return (
      (await db
        .insertInto('relay_jobs')
        .values({
          user_id: values.userId,
          device_id: values.deviceId,
          idempotency_key: values.idempotencyKey,
          platform: values.platform,
          due_at: values.dueAt,
          sealed: values.sealed,
          quota_period: values.quotaPeriod,
          created_at: values.now,
          updated_at: values.now,
        })
        .onConflict((oc) => oc.columns(['user_id', 'idempotency_key']).doNothing())
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  /**
   * A job taken back and handed over again keeps its id (same key, same job): queued anew with
   * the new envelope and time. Null when it is not cancelled (anything else is returned as is).
   */
  async reviveCancelled(
    db: Kysely<ServerDb>,
    id: string,
    values: { dueAt: Date; sealed: string; quotaPeriod: string; now: Date },
  ): Promise<RelayJobRow | null> {
    return (
      (await db
        .updateTable('relay_jobs')
        .set({
          status: 'queued',
          due_at: values.dueAt,
          sealed: values.sealed,
          quota_period: values.quotaPeriod,
          attempts: 0,
          next_attempt_at: null,
          first_sent_at: null,
          error_code: null,
          error_message: null,
          updated_at: values.now,
        })
        .where('id', '=', id)
        .where('status', '=', 'cancelled')
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  async find(userId: string, id: string): Promise<RelayJobRow | null> {
    return (
      (await this.db
        .selectFrom('relay_jobs')
        .selectAll()
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst()) ?? null
    );
  }

  /** The user's jobs changed after `since`, oldest change first; one more than `limit` tells `hasMore`. */
  async changedSince(userId: string, since: Date | null, limit: number): Promise<RelayJobRow[]> {
    let query = this.db.selectFrom('relay_jobs').selectAll().where('user_id', '=', userId);
    if (since) query = query.where('updated_at', '>', since);
    return query
      .orderBy('updated_at')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
  }

  /** Cancels a job that no worker has taken yet (status still `queued`); null when it is not cancellable. */
  async cancelQueued(db: Kysely<ServerDb>, userId: string, id: string, now: Date): Promise<RelayJobRow | null> {
    return (
      (await db
        .updateTable('relay_jobs')
        .set({
          status: 'cancelled',
          error_code: 'cancelled',
          error_message: 'Taken back by the device before the relay started it.',
          updated_at: now,
        })
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  /**
   * Leases up to `limit` due jobs in ONE statement. `FOR UPDATE SKIP LOCKED` lets several
   * instances claim at once without waiting on or taking each other's rows. A job whose lease ran
   * out is taken over: `leased` never reached the platform and stays leased; `sending` may have,
   * so it becomes `outcome_unknown` (the platform is asked before anything is sent again).
   */
  async claimDue(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<RelayJobRow[]> {
    const { rows } = await sql<RelayJobRow>`
      update relay_jobs as j
      set status = case j.status when 'queued' then 'leased' when 'sending' then 'outcome_unknown' else j.status end,
        lease_owner = ${owner}, lease_expires_at = ${leaseUntil}, updated_at = ${now}
      from (
        select id from relay_jobs
        where status in (${RUNNABLE})
          and coalesce(next_attempt_at, due_at) <= ${now}
          and (lease_expires_at is null or lease_expires_at <= ${now})
        order by coalesce(next_attempt_at, due_at)
        limit ${limit}
        for update skip locked
      ) as due
      where j.id = due.id
      returning j.*`.execute(this.db);
    return rows;
  }

  /** Writes a job only while `owner` holds its lease; false when another worker took it over. */
  async updateOwned(db: Kysely<ServerDb>, id: string, owner: string, changes: RelayJobChanges): Promise<boolean> {
    const result = await db
      .updateTable('relay_jobs')
      .set(changes)
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async extendLease(id: string, owner: string, leaseUntil: Date): Promise<boolean> {
    return this.updateOwned(this.db, id, owner, { lease_expires_at: leaseUntil });
  }
}
