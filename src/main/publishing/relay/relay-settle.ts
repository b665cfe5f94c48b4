import type { EventBus } from '../../contract/event-bus';
import type { AppDatabase } from '../../db/database';
import type { ClockPort } from '../../platform/clock/types';
import type { PublishRequest } from '../providers/connector';
import type { JobRepository, PublishJobRow } from '../queue/job.repository';
import { commitPublished } from '../queue/publish-commit';
import { buildRequest } from '../queue/publish-request';
import type { RelayJob } from '../../../shared/sync-api/relay';
import { RELAY_OWNER, type RelayStore } from './relay-store';

export interface RelaySettleDeps {
  database: AppDatabase;
  jobs: JobRepository;
  store: RelayStore;
  clock: ClockPort;
  dataDir: string;
  events?: EventBus;
}

/**
 * Settles a relayed local job from the relay's result: published goes through the queue's own
 * commit (job, publication record, post status and event in one transaction, exactly as if this
 * device had sent it); failed keeps the reason; anything else only records the relay's status.
 * True when the job reached its end here.
 */
export async function settleRelayResult(deps: RelaySettleDeps, row: PublishJobRow, job: RelayJob): Promise<boolean> {
  const now = deps.clock.now().toISOString();
  if (job.status === 'published' && job.externalId) {
    const built = await buildRequest(deps.database.db, deps.jobs, deps.dataDir, row.post_id, row.idempotency_key);
    const request: PublishRequest = built?.request ?? { parts: [''], media: [], idempotencyKey: row.idempotency_key };
    await commitPublished(
      deps.database,
      deps.jobs,
      deps.clock,
      row,
      RELAY_OWNER,
      { externalId: job.externalId, url: job.url },
      request,
      () => {
        deps.events?.emit('publishing:changed', { jobIds: [row.id], postIds: [row.post_id], reason: 'published' });
        deps.events?.emit('posts:changed', { ids: [row.post_id], reason: 'published' });
      },
      async (tx) => deps.store.updateHandoff(row.id, { remote_status: job.status, updated_at: now }, tx),
    );
    return true;
  }
  if (job.status === 'failed') {
    const message = job.error?.message ?? 'The relay could not publish the post.';
    const settled = await deps.database.transaction(async (tx) => {
      const ok = await deps.jobs.updateIfStatus(
        row.id,
        ['relayed'],
        {
          status: 'failed',
          last_error: message,
          error_kind: job.error?.code ?? 'server',
          lease_owner: null,
          lease_expires_at: null,
          updated_at: now,
        },
        tx,
      );
      if (!ok) return false;
      await deps.store.updateHandoff(row.id, { remote_status: job.status, updated_at: now }, tx);
      await deps.jobs.addEvent(row.id, now, 'failed', `The relay could not publish: ${message}`, tx);
      return true;
    });
    if (settled)
      deps.events?.emit('publishing:changed', { jobIds: [row.id], postIds: [row.post_id], reason: 'failed' });
    return settled;
  }
  await deps.store.updateHandoff(row.id, { remote_status: job.status, updated_at: now });
  return false;
}
