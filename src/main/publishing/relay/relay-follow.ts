import { ContractError } from '../../../shared/contract/errors';
import type { EventBus } from '../../contract/event-bus';
import type { Db } from '../../db/database';
import type { Logger } from '../../platform/logger/logger';
import type { RelayClient } from './relay-client';

/**
 * Follows post changes: a relayed post that is edited, moved, unscheduled or deleted comes back
 * to this device (the relay holds a sealed copy of the old version), then `resync` (the
 * publishing service's `syncPost`) applies the change to the job as to any queued job. A post the
 * relay already started stays with it (its result arrives through `pullResults`). Returns the
 * unsubscribe function.
 */
export function followRelayedPosts(deps: {
  relay: RelayClient;
  events: EventBus;
  db: Db;
  logger: Logger;
  resync: (postId: string) => Promise<void>;
}): () => void {
  let chain: Promise<void> = Promise.resolve();
  const reclaim = async (postIds: string[]): Promise<void> => {
    for (const postId of postIds) {
      const relayed = await deps.db
        .selectFrom('publish_jobs')
        .select('id')
        .where('post_id', '=', postId)
        .where('status', '=', 'relayed')
        .execute();
      if (relayed.length === 0) continue;
      for (const { id } of relayed) {
        try {
          await deps.relay.takeBack(id);
        } catch (error) {
          if (!(error instanceof ContractError)) throw error;
          deps.logger.warn({ jobId: id, code: error.code }, 'a changed post stays with the relay');
        }
      }
      await deps.resync(postId);
    }
  };
  return deps.events.onAny((event, payload) => {
    if (event !== 'posts:changed') return;
    const { ids, reason } = payload as { ids: string[]; reason: string };
    // The relay's own result (and any publish) changes the post too: nothing to take back then.
    if (reason === 'published') return;
    chain = chain
      .then(() => reclaim(ids))
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'relayed post change not applied'));
  });
}

/**
 * The relay's background rhythm while signed in: results pulled and eligible jobs handed over
 * every `intervalMs` (default 60 s). Offline or signed out, a pass does nothing and the next one
 * tries again. Returns the stop function.
 */
export function startRelayPolling(relay: RelayClient, logger: Logger, intervalMs = 60_000): () => void {
  let running = false;
  const pass = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await relay.pullResults();
      await relay.handOffEligible();
    } catch (error) {
      const quiet = error instanceof ContractError && (error.code === 'UNAVAILABLE' || error.code === 'UNAUTHORIZED');
      if (!quiet) logger.warn({ err: error }, 'relay pass failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void pass(), intervalMs);
  timer.unref();
  void pass();
  return () => clearInterval(timer);
}
