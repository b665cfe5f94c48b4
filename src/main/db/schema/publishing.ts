import type { Generated } from 'kysely';

/** One post going to one platform: the durable queue's unit of work. */
export interface PublishJobsTable {
  id: string;
  post_id: string;
  platform: string;
  account_id: string | null;
  idempotency_key: string;
  due_at: string;
  /** The post's calendar time this job was last lined up with (null on rows older than migration 015). */
  slot_at: string | null;
  /**
   * queued → leased → sending → published; a crash or timeout during `sending` leaves
   * `outcome_unknown` (settled by looking for the post on the platform, never by sending again);
   * `pending_remote` waits for a platform's own processing (containers, uploads); `missed` is a
   * slot that passed while the app was closed, waiting for the creator's choice.
   */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  external_id: string | null;
  url: string | null;
  /** Connector-owned JSON (container ids, upload session) for a pending_remote job. */
  remote_state: string | null;
  last_error: string | null;
  error_kind: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

/** What happened to a job, step by step (shown to the creator; never tokens or post text). */
export interface PublishEventsTable {
  id: Generated<number>;
  job_id: string;
  at: string;
  step: string;
  detail: Generated<string>;
}

/** The last rate-limit headers seen per account and endpoint bucket. */
export interface RateLimitsTable {
  account_id: string;
  bucket: string;
  limit_total: number | null;
  remaining: number | null;
  reset_at: string | null;
  updated_at: string;
}

/**
 * A job handed to the sync service's relay (its local status is `relayed`). `relay_job_id` is
 * null between marking the job and the server's answer; the hand-off is then retried with the
 * same idempotency key, which the server maps to the same relay job.
 */
export interface PublishRelayHandoffsTable {
  job_id: string;
  server_url: string;
  relay_job_id: string | null;
  handed_at: string;
  /** The relay's last reported status (queued, sending, published, failed, …). */
  remote_status: string | null;
  updated_at: string;
}

/** Connected accounts whose scheduled posts may go through the relay (opt-in, one by one). */
export interface PublishRelayAccountsTable {
  account_id: string;
  enabled_at: string;
}

/** Where the last pull of relay results stopped, per sync server. */
export interface PublishRelayCursorsTable {
  server_url: string;
  since: string;
}

/** The relay's tables, for `db.withTables<PublishRelayTables>()` until they join `Database`. */
// A type alias, not an interface: `withTables` needs the index signature an alias has implicitly.
export type PublishRelayTables = {
  publish_relay_handoffs: PublishRelayHandoffsTable;
  publish_relay_accounts: PublishRelayAccountsTable;
  publish_relay_cursors: PublishRelayCursorsTable;
};
