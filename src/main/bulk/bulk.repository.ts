import type { Selectable } from 'kysely';
import type {
  BulkCounts,
  BulkFormat,
  BulkItem,
  BulkItemStatus,
  BulkJob,
  BulkJobStatus,
  BulkRequest,
  BulkTopics,
} from '../../shared/domain/bulk';
import type { Platform } from '../../shared/domain/platform';
import type { Db, Tx } from '../db/database';
import type { BulkItemsTable, BulkJobsTable } from '../db/schema/content';

/** What bulk_jobs.request holds: the creator's request plus how the plan was made. */
export interface StoredRequest {
  request: BulkRequest;
  topics: BulkTopics;
  timezone: string;
}

/** A planned item before it has an id. */
export interface NewItem {
  position: number;
  platform: Platform;
  topic: string;
  format: BulkFormat;
  dueAt: string;
}

export type ItemChanges = Partial<Pick<BulkItem, 'topic' | 'format' | 'platform' | 'dueAt'>>;

/** SQL for bulk_jobs and bulk_items. Writes that belong together take the caller's transaction. */
export class BulkRepository {
  constructor(private readonly db: Db) {}

  async insertJob(
    job: { id: string; stored: StoredRequest; concurrency: number; now: string },
    items: NewItem[],
    tx: Tx,
  ): Promise<void> {
    await tx
      .insertInto('bulk_jobs')
      .values({
        id: job.id,
        request: JSON.stringify(job.stored),
        status: 'planned',
        concurrency: job.concurrency,
        created_at: job.now,
        updated_at: job.now,
      })
      .execute();
    if (items.length === 0) return;
    await tx
      .insertInto('bulk_items')
      .values(
        items.map((i) => ({
          job_id: job.id,
          position: i.position,
          platform: i.platform,
          topic: i.topic,
          format: i.format,
          due_at: i.dueAt,
          status: 'pending',
        })),
      )
      .execute();
  }

  async findJob(id: string, tx: Db | Tx = this.db): Promise<BulkJob | null> {
    const row = await tx.selectFrom('bulk_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toJob(row, await this.counts(id, tx)) : null;
  }

  async listJobs(): Promise<BulkJob[]> {
    const rows = await this.db.selectFrom('bulk_jobs').selectAll().orderBy('created_at', 'desc').execute();
    return Promise.all(rows.map(async (row) => toJob(row, await this.counts(row.id))));
  }

  async jobIdsWithStatus(status: BulkJobStatus): Promise<string[]> {
    const rows = await this.db.selectFrom('bulk_jobs').select('id').where('status', '=', status).execute();
    return rows.map((r) => r.id);
  }

  async setJobStatus(id: string, status: BulkJobStatus, now: string, tx: Db | Tx = this.db): Promise<void> {
    await tx.updateTable('bulk_jobs').set({ status, updated_at: now }).where('id', '=', id).execute();
  }

  /** Moves a job from one of `from` to `to`; false when it was in another state (someone else moved it). */
  async transition(
    id: string,
    from: readonly BulkJobStatus[],
    to: BulkJobStatus,
    now: string,
    tx: Db | Tx = this.db,
  ): Promise<boolean> {
    const result = await tx
      .updateTable('bulk_jobs')
      .set({ status: to, updated_at: now })
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async items(jobId: string, tx: Db | Tx = this.db): Promise<BulkItem[]> {
    const rows = await tx
      .selectFrom('bulk_items')
      .selectAll()
      .where('job_id', '=', jobId)
      .orderBy('position')
      .execute();
    return rows.map(toItem);
  }

  async findItem(id: number, tx: Db | Tx = this.db): Promise<BulkItem | null> {
    const row = await tx.selectFrom('bulk_items').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toItem(row) : null;
  }

  async counts(jobId: string, tx: Db | Tx = this.db): Promise<BulkCounts> {
    const rows = await tx
      .selectFrom('bulk_items')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('job_id', '=', jobId)
      .groupBy('status')
      .execute();
    const counts: BulkCounts = { total: 0, pending: 0, generating: 0, done: 0, failed: 0, cancelled: 0 };
    for (const row of rows) {
      counts[row.status as BulkItemStatus] = Number(row.n);
      counts.total += Number(row.n);
    }
    return counts;
  }

  /** Claims the next pending item: 'generating', attempts + 1. Null when none is left. */
  async claimNext(jobId: string, now: string): Promise<BulkItem | null> {
    return this.db.transaction().execute(async (tx) => {
      const next = await tx
        .selectFrom('bulk_items')
        .select('id')
        .where('job_id', '=', jobId)
        .where('status', '=', 'pending')
        .orderBy('position')
        .limit(1)
        .executeTakeFirst();
      if (!next) return null;
      await this.markGenerating(next.id, now, tx);
      return this.findItem(next.id, tx);
    });
  }

  /** Another attempt of an item already claimed. */
  async markGenerating(id: number, now: string, tx: Db | Tx = this.db): Promise<void> {
    await tx
      .updateTable('bulk_items')
      .set((eb) => ({ status: 'generating', attempts: eb('attempts', '+', 1), started_at: now, error: null }))
      .where('id', '=', id)
      .execute();
  }

  async finishItem(
    id: number,
    status: Extract<BulkItemStatus, 'failed' | 'cancelled' | 'pending'>,
    fields: { error: string | null; now: string },
  ): Promise<void> {
    await this.db
      .updateTable('bulk_items')
      .set({ status, error: fields.error, finished_at: status === 'pending' ? null : fields.now })
      .where('id', '=', id)
      .where('status', '=', 'generating')
      .execute();
  }

  /**
   * Marks a generating item done with its post; inside the transaction that created the post.
   * False when the item was no longer generating (then the caller rolls the post back).
   */
  async markDone(id: number, fields: { postId: string; generationMs: number; now: string }, tx: Tx): Promise<boolean> {
    const result = await tx
      .updateTable('bulk_items')
      .set({
        status: 'done',
        post_id: fields.postId,
        generation_ms: fields.generationMs,
        finished_at: fields.now,
        error: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'generating')
      .where('post_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * The engine refused the item before generating anything (all providers resting): it goes back
   * to 'pending' and the attempt its claim counted is returned. False when it moved on meanwhile.
   */
  async giveBack(id: number): Promise<boolean> {
    const result = await this.db
      .updateTable('bulk_items')
      .set((eb) => ({
        status: 'pending',
        attempts: eb.fn<number>('max', [eb('attempts', '-', 1), eb.val(0)]),
        started_at: null,
      }))
      .where('id', '=', id)
      .where('status', '=', 'generating')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Failed items of a job go back to 'pending' with fresh attempts; returns how many. */
  async requeueFailed(jobId: string, tx: Db | Tx = this.db): Promise<number> {
    const result = await tx
      .updateTable('bulk_items')
      .set({ status: 'pending', attempts: 0, error: null, started_at: null, finished_at: null })
      .where('job_id', '=', jobId)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Pending items of a job become cancelled; returns how many. */
  async cancelPending(jobId: string, now: string, tx: Db | Tx = this.db): Promise<number> {
    const result = await tx
      .updateTable('bulk_items')
      .set({ status: 'cancelled', finished_at: now })
      .where('job_id', '=', jobId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** After a crash or quit: generating items had no post committed, so they start over. */
  async resetGenerating(): Promise<string[]> {
    const rows = await this.db
      .updateTable('bulk_items')
      .set({ status: 'pending', started_at: null })
      .where('status', '=', 'generating')
      .returning('job_id')
      .execute();
    return [...new Set(rows.map((r) => r.job_id))];
  }

  /** Changes a pending item; false when it is no longer pending. */
  async updatePendingItem(id: number, changes: ItemChanges): Promise<boolean> {
    const set = {
      ...(changes.topic !== undefined ? { topic: changes.topic } : {}),
      ...(changes.format !== undefined ? { format: changes.format } : {}),
      ...(changes.platform !== undefined ? { platform: changes.platform } : {}),
      ...(changes.dueAt !== undefined ? { due_at: changes.dueAt } : {}),
    };
    if (Object.keys(set).length === 0) return (await this.findItem(id))?.status === 'pending';
    const result = await this.db
      .updateTable('bulk_items')
      .set(set)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async deletePendingItem(id: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('bulk_items')
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async touchJob(id: string, now: string): Promise<void> {
    await this.db.updateTable('bulk_jobs').set({ updated_at: now }).where('id', '=', id).execute();
  }
}

function toJob(row: Selectable<BulkJobsTable>, counts: BulkCounts): BulkJob {
  const stored = JSON.parse(row.request) as StoredRequest;
  return {
    id: row.id,
    status: row.status as BulkJobStatus,
    concurrency: row.concurrency,
    request: stored.request,
    topics: stored.topics,
    timezone: stored.timezone,
    counts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toItem(row: Selectable<BulkItemsTable>): BulkItem {
  return {
    id: row.id,
    jobId: row.job_id,
    position: row.position,
    platform: row.platform as Platform,
    topic: row.topic,
    format: row.format as BulkFormat,
    dueAt: row.due_at,
    status: row.status as BulkItemStatus,
    attempts: row.attempts,
    postId: row.post_id,
    error: row.error,
    generationMs: row.generation_ms,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
