import type { Selectable } from 'kysely';
import type { Platform } from '../../../shared/domain/platform';
import { AnalyticsRepository } from '../../analytics/analytics.repository';
import type { AppDatabase, Tx } from '../../db/database';
import type { PostsTable } from '../../db/schema/posts';
import type { ClockPort } from '../../platform/clock/types';
import { toPost } from '../../posts/post-row';
import { PostsRepository } from '../../posts/posts.repository';
import type { PublishedRef, PublishRequest } from '../providers/connector';
import { fixedRows } from './fixed-sql';
import type { WriteRunner } from './group-commit';
import type { JobRepository, PublishJobRow } from './job.repository';

/** Thrown when a runner writes to a job whose lease another runner has taken. */
export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`lease on publish job ${jobId} was lost`);
    this.name = 'LeaseLost';
  }
}

/**
 * Records a publish in ONE transaction: the job `published` with the post's id and link, the
 * `post_publications` row (through the analytics repository), the post's status, and whatever
 * else `within` writes (the rate-limit headers of the call, so they cost no commit of their own).
 * Throws LeaseLost (nothing written) when another runner holds the job. `run` is the transaction
 * to write in: the database's own by default, the runner's group commit from the queue.
 */
export async function commitPublished(
  database: AppDatabase,
  jobs: JobRepository,
  clock: ClockPort,
  job: PublishJobRow,
  owner: string,
  ref: PublishedRef,
  request: PublishRequest,
  onCommit: () => void,
  within?: (tx: Tx, now: string) => Promise<void>,
  run: WriteRunner = (write) => database.transaction(write),
): Promise<void> {
  const analytics = new AnalyticsRepository(database.db, clock);
  const posts = new PostsRepository(database.db);
  const now = clock.now().toISOString();
  await run(async (tx, afterCommit) => {
    const owned = await jobs.updateOwned(
      job.id,
      owner,
      {
        status: 'published',
        account_id: job.account_id,
        external_id: ref.externalId,
        url: ref.url,
        published_at: now,
        lease_owner: null,
        lease_expires_at: null,
        next_attempt_at: null,
        remote_state: null,
        last_error: null,
        error_kind: null,
        updated_at: now,
      },
      tx,
    );
    if (!owned) throw new LeaseLost(job.id);
    await recordPublication(tx, analytics, job, ref, request, now);
    // Only the status moves: one statement, and the text columns (and their FTS trigger) stay untouched.
    const [published] = await fixedRows<Selectable<PostsTable>>(
      tx,
      `update posts set status = 'published', version = version + 1, updated_at = ?
       where id = ? and status != 'published' returning *`,
      [now, job.post_id],
    );
    if (published) await posts.addRevision(toPost(published), tx);
    await jobs.addEvent(job.id, now, 'published', ref.url ?? ref.externalId, tx);
    await within?.(tx, now);
    afterCommit(onCommit);
  });
}

async function recordPublication(
  tx: Tx,
  analytics: AnalyticsRepository,
  job: PublishJobRow,
  ref: PublishedRef,
  request: PublishRequest,
  now: string,
): Promise<void> {
  const [existing] = await fixedRows<{ id: number }>(
    tx,
    'select id from post_publications where post_id = ? and platform = ?',
    [job.post_id, job.platform],
  );
  if (existing) {
    // An import knew this post already; the live publish is the better record of it.
    await tx
      .updateTable('post_publications')
      .set({ external_id: ref.externalId, url: ref.url, account_id: job.account_id, published_at: now })
      .where('id', '=', existing.id)
      .execute();
    return;
  }
  await analytics.insertPublication(
    {
      postId: job.post_id,
      platform: job.platform as Platform,
      accountId: job.account_id,
      publishedAt: now,
      externalId: ref.externalId,
      url: ref.url,
      format: formatOf(request),
      mediaCount: request.media.length,
    },
    tx,
  );
}

function formatOf(request: PublishRequest): string {
  if (request.parts.length > 1) return 'thread';
  if (request.media.some((m) => m.kind === 'video')) return 'video';
  if (request.media.length > 1) return 'carousel';
  if (request.media.length === 1) return 'image';
  return 'text';
}
