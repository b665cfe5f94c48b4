import type { ColumnType, Generated } from 'kysely';

export type RelayJobStatus =
  'queued' | 'leased' | 'sending' | 'outcome_unknown' | 'pending_remote' | 'published' | 'failed' | 'cancelled';

/**
 * One post handed to the relay by a device. `sealed` is the envelope only the relay's private key
 * opens (platform token, account and post together); nothing readable about the post is stored.
 */
export interface RelayJobsTable {
  id: Generated<string>;
  user_id: string;
  device_id: string | null;
  idempotency_key: string;
  platform: string;
  due_at: Date;
  sealed: ColumnType<unknown, string, string>;
  status: ColumnType<RelayJobStatus, RelayJobStatus | undefined, RelayJobStatus>;
  attempts: Generated<number>;
  next_attempt_at: Date | null;
  lease_owner: string | null;
  lease_expires_at: Date | null;
  /** Connector-owned JSON of a post the platform is still processing. */
  remote_state: ColumnType<unknown, string | null, string | null>;
  external_id: string | null;
  url: string | null;
  error_code: string | null;
  error_message: string | null;
  /** The month whose `relay_posts` allowance paid for this job (refunds go back there). */
  quota_period: string;
  first_sent_at: Date | null;
  published_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RelayTables {
  relay_jobs: RelayJobsTable;
}
