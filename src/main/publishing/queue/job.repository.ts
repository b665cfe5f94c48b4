import { sql, type Selectable, type Updateable } from 'kysely';
import type { Platform } from '../../../shared/domain/platform';
import type { PublishEvent, PublishJob, PublishJobStatus } from '../../../shared/domain/publishing';
import type { Db, Tx } from '../../db/database';
import type { PublishJobsTable } from '../../db/schema/publishing';
import type { RateLimitInfo } from '../providers/connector';
import { fixedRows, fixedWrite, updateStatement } from './fixed-sql';

export type PublishJobRow = Selectable<PublishJobsTable>;
export type JobChanges = Updateable<PublishJobsTable>;

/** Statuses the runner acts on when their time comes. */
export const RUNNABLE_STATUSES = ['queued', 'outcome_unknown', 'pending_remote'] as const;
/** Statuses held under a lease while a runner works on them. */
export const LEASED_STATUSES = ['leased', 'sending'] as const;

/**
 * `status in ('queued','outcome_unknown','pending_remote')` as literals, and the time a runnable
 * job next runs: exactly the condition and expression of the partial index
 * `publish_jobs_runnable_at` (migration 011). Bound parameters would not match it.
 */
const RUNNABLE = sql<boolean>`status in (${sql.join(RUNNABLE_STATUSES.map((s) => sql.lit(s)))})`;
const RUN_AT = sql<string>`coalesce(next_attempt_at, due_at)`;

export function toJob(row: PublishJobRow): PublishJob {
  return {
    id: row.id,
    postId: row.post_id,
    platform: row.platform as Platform,
    accountId: row.account_id,
    status: row.status as PublishJobStatus,
    dueAt: row.due_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    externalId: row.external_id,
    url: row.url,
    lastError: row.last_error,
    errorKind: row.error_kind,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}

/** SQL for publish_jobs, publish_events and rate_limits. Writes that belong together take a transaction. */
export class JobRepository {
  constructor(private readonly db: Db) {}

  async find(id: string, tx: Db | Tx = this.db): Promise<PublishJobRow | null> {
    return (await tx.selectFrom('publish_jobs').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async insert(row: Omit<PublishJobRow, 'attempts'> & { attempts?: number }, tx: Db | Tx = this.db): Promise<void> {
    await tx.insertInto('publish_jobs').values(row).execute();
  }

  /** The job of a post and platform that is not failed or cancelled (at most one: a unique index). */
  async findLive(postId: string, platform: Platform, tx: Db | Tx = this.db): Promise<PublishJobRow | null> {
    return (
      (await tx
        .selectFrom('publish_jobs')
        .selectAll()
        .where('post_id', '=', postId)
        .where('platform', '=', platform)
        .where('status', 'not in', ['failed', 'cancelled'])
        .executeTakeFirst()) ?? null
    );
  }

  async list(filter: { postId?: string | undefined; status?: PublishJobStatus | undefined }): Promise<PublishJobRow[]> {
    let query = this.db.selectFrom('publish_jobs').selectAll();
    if (filter.postId) query = query.where('post_id', '=', filter.postId);
    if (filter.status) query = query.where('status', '=', filter.status);
    return query.orderBy('due_at', 'desc').orderBy('platform').limit(500).execute();
  }

  async events(jobId: string): Promise<PublishEvent[]> {
    const rows = await this.db
      .selectFrom('publish_events')
      .selectAll()
      .where('job_id', '=', jobId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, at: r.at, step: r.step, detail: r.detail }));
  }

  async addEvent(jobId: string, at: string, step: string, detail: string, tx: Db | Tx = this.db): Promise<void> {
    // Fixed text (fixed-sql.ts): two of these run for every job.
    await fixedWrite(tx, 'insert into publish_events (job_id, at, step, detail) values (?, ?, ?, ?)', [
      jobId,
      at,
      step,
      detail,
    ]);
  }

  /** Updates a job only while `owner` holds its lease; false when the lease was lost. */
  async updateOwned(id: string, owner: string, changes: JobChanges, tx: Db | Tx = this.db): Promise<boolean> {
    const { text, values } = updateStatement('publish_jobs', changes, 'id = ? and lease_owner = ?');
    return (await fixedWrite(tx, text, [...values, id, owner])) === 1;
  }

  /** Updates a job only while it has the given status (user actions racing the runner). */
  async updateIfStatus(
    id: string,
    statuses: readonly string[],
    changes: JobChanges,
    tx: Db | Tx = this.db,
  ): Promise<boolean> {
    const result = await tx
      .updateTable('publish_jobs')
      .set(changes)
      .where('id', '=', id)
      .where('status', 'in', statuses)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Jobs whose runner stopped (lease expired): `leased` never reached the platform, so it is
   * queued again; `sending` may have, so it becomes `outcome_unknown`. Returns the ids changed.
   */
  async recoverExpired(now: string): Promise<{ requeued: PublishJobRow[]; unknown: PublishJobRow[] }> {
    const stale = await this.db
      .selectFrom('publish_jobs')
      .selectAll()
      .where('status', 'in', LEASED_STATUSES)
      .where('lease_expires_at', '<=', now)
      .execute();
    const requeued: PublishJobRow[] = [];
    const unknown: PublishJobRow[] = [];
    for (const row of stale) {
      const next = row.status === 'sending' ? 'outcome_unknown' : 'queued';
      const changed = await this.db.transaction().execute(async (tx) => {
        const result = await tx
          .updateTable('publish_jobs')
          .set({ status: next, lease_owner: null, lease_expires_at: null, next_attempt_at: now, updated_at: now })
          .where('id', '=', row.id)
          .where('status', '=', row.status)
          .where('lease_expires_at', '<=', now)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await this.addEvent(
          row.id,
          now,
          next === 'queued' ? 'lease_expired' : 'interrupted',
          next === 'queued'
            ? 'The runner stopped before sending; queued again'
            : 'The runner stopped while sending; the platform will be checked before anything is sent again',
          tx,
        );
        return true;
      });
      if (changed) (next === 'queued' ? requeued : unknown).push(row);
    }
    return { requeued, unknown };
  }

  /**
   * Takes the leases of up to `limit` due runnable jobs, earliest first, in ONE statement: the
   * rows are chosen (an ordered walk of `publish_jobs_runnable_at`) and leased by the same
   * update, so two runners never both get a job. A queued job becomes `leased`; others keep
   * their status. Returns the leased rows, earliest first.
   */
  async claimDue(owner: string, now: string, leaseUntil: string, limit: number): Promise<PublishJobRow[]> {
    // INDEXED BY: without statistics SQLite would pick publish_jobs_due and sort every due row.
    const { rows } = await sql<PublishJobRow>`
      update publish_jobs
      set status = case when status = 'queued' then 'leased' else status end,
        lease_owner = ${owner}, lease_expires_at = ${leaseUntil}, updated_at = ${now}
      where id in (
        select id from publish_jobs indexed by publish_jobs_runnable_at
        where ${RUNNABLE} and ${RUN_AT} <= ${now} and due_at <= ${now}
          and (lease_expires_at is null or lease_expires_at <= ${now})
        order by ${RUN_AT}
        limit ${limit}
      )
      returning *`.execute(this.db);
    const runAt = (row: PublishJobRow): string => row.next_attempt_at ?? row.due_at;
    return rows.sort((a, b) => (runAt(a) < runAt(b) ? -1 : runAt(a) > runAt(b) ? 1 : 0));
  }

  async extendLease(id: string, owner: string, leaseUntil: string): Promise<boolean> {
    return this.updateOwned(id, owner, { lease_expires_at: leaseUntil });
  }

  /**
   * When the runner next has something to do: a due job, a retry, or a lease running out. One
   * statement: a seek on `publish_jobs_runnable_at` and one on the (few) leased rows.
   */
  async nextWakeAt(): Promise<string | null> {
    const leased = sql.join(LEASED_STATUSES.map((status) => sql.lit(status)));
    const { rows } = await sql<{ runnable: string | null; lease: string | null }>`
      select
        (select min(${RUN_AT}) from publish_jobs indexed by publish_jobs_runnable_at where ${RUNNABLE}) as runnable,
        (select min(lease_expires_at) from publish_jobs where status in (${leased})) as lease`.execute(this.db);
    const row = rows[0];
    const times = [row?.runnable, row?.lease].filter((t): t is string => typeof t === 'string');
    return times.length === 0 ? null : times.sort()[0]!;
  }

  /** Queued jobs that never started and whose time passed before `cutoff` (missed while closed). */
  async missedSince(cutoff: string): Promise<PublishJobRow[]> {
    return this.db
      .selectFrom('publish_jobs')
      .selectAll()
      .where('status', '=', 'queued')
      .where('attempts', '=', 0)
      .where('due_at', '<', cutoff)
      .where('next_attempt_at', 'is', null)
      .execute();
  }

  /** The latest reset time of a bucket of the account that has nothing left, if it lies ahead. */
  async blockedUntil(accountId: string, now: string): Promise<string | null> {
    const [row] = await fixedRows<{ at: string | null }>(
      this.db,
      'select max(reset_at) as at from rate_limits where account_id = ? and remaining <= 0 and reset_at > ?',
      [accountId, now],
    );
    return row?.at ?? null;
  }

  async saveRateLimit(accountId: string, info: RateLimitInfo, now: string, tx: Db | Tx = this.db): Promise<void> {
    const resetAt = info.resetAt === null ? null : new Date(info.resetAt).toISOString();
    await fixedWrite(
      tx,
      `insert into rate_limits (account_id, bucket, limit_total, remaining, reset_at, updated_at)
       values (?, ?, ?, ?, ?, ?)
       on conflict (account_id, bucket) do update set limit_total = excluded.limit_total,
         remaining = excluded.remaining, reset_at = excluded.reset_at, updated_at = excluded.updated_at`,
      [accountId, info.bucket, info.limit, info.remaining, resetAt, now],
    );
  }

  /** The connected account to publish with on a platform (the oldest one when there are several). */
  async connectedAccount(platform: Platform, tx: Db | Tx = this.db): Promise<string | null> {
    const [row] = await fixedRows<{ id: string }>(
      tx,
      `select id from accounts where platform = ? and source = 'connected' order by created_at limit 1`,
      [platform],
    );
    return row?.id ?? null;
  }

  async setting(key: string): Promise<string | null> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value ?? null;
  }

  /** A post's attached media in order, with the stored file (relative to the data folder). */
  async postMedia(postId: string): Promise<
    {
      file: string;
      mime: string;
      bytes: number;
      kind: string;
      width: number | null;
      height: number | null;
      durationMs: number | null;
      altText: string;
    }[]
  > {
    const rows = await fixedRows<{
      file: string;
      mime: string;
      bytes: number;
      kind: string;
      width: number | null;
      height: number | null;
      duration_ms: number | null;
      alt_text: string;
    }>(
      this.db,
      `select media.file, media.mime, media.bytes, media.kind, media.width, media.height, media.duration_ms,
         post_media.alt_text
       from post_media inner join media on media.id = post_media.media_id
       where post_media.post_id = ? order by post_media.position`,
      [postId],
    );
    return rows.map((r) => ({
      file: r.file,
      mime: r.mime,
      bytes: r.bytes,
      kind: r.kind,
      width: r.width,
      height: r.height,
      durationMs: r.duration_ms,
      altText: r.alt_text,
    }));
  }
}
