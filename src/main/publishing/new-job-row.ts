import { randomUUID } from 'node:crypto';
import type { PublishJobRow } from './queue/job.repository';

/**
 * A fresh queued job for one platform of a post: its own idempotency key for life (a retry or a
 * reschedule keeps it, so the platform can never be handed the same post twice as two posts), and
 * its calendar slot remembered beside the due time.
 */
export function newJobRow(input: {
  postId: string;
  platform: string;
  accountId: string | null;
  dueAt: string;
  now: string;
}): PublishJobRow {
  return {
    id: randomUUID(),
    post_id: input.postId,
    platform: input.platform,
    account_id: input.accountId,
    idempotency_key: randomUUID(),
    due_at: input.dueAt,
    slot_at: input.dueAt,
    status: 'queued',
    attempts: 0,
    next_attempt_at: null,
    lease_owner: null,
    lease_expires_at: null,
    external_id: null,
    url: null,
    remote_state: null,
    last_error: null,
    error_kind: null,
    created_at: input.now,
    updated_at: input.now,
    published_at: null,
  };
}
