import type { Kysely, Selectable } from 'kysely';
import type { Db, Tx } from '../../db/database';
import type { Database } from '../../db/schema';
import type { PublishRelayHandoffsTable, PublishRelayTables } from '../../db/schema/publishing';

export type RelayDb = Kysely<Database & PublishRelayTables>;
export type HandoffRow = Selectable<PublishRelayHandoffsTable>;

/** The lease owner a relayed job carries: the queue's owner-checked writes then settle it. */
export const RELAY_OWNER = 'relay';

/** SQL for the relay's local tables (hand-offs, opted-in accounts, result cursors). */
export class RelayStore {
  constructor(private readonly db: Db) {}

  /** The relay tables beside the app's (they join the shared `Database` type later). */
  static on(db: Db | Tx): RelayDb {
    return (db as Db).withTables<PublishRelayTables>();
  }

  async setAccount(accountId: string, enabled: boolean, now: string): Promise<void> {
    const db = RelayStore.on(this.db);
    if (!enabled) {
      await db.deleteFrom('publish_relay_accounts').where('account_id', '=', accountId).execute();
      return;
    }
    await db
      .insertInto('publish_relay_accounts')
      .values({ account_id: accountId, enabled_at: now })
      .onConflict((oc) => oc.column('account_id').doNothing())
      .execute();
  }

  async accounts(): Promise<string[]> {
    const rows = await RelayStore.on(this.db).selectFrom('publish_relay_accounts').select('account_id').execute();
    return rows.map((r) => r.account_id);
  }

  async isAccountEnabled(accountId: string): Promise<boolean> {
    const row = await RelayStore.on(this.db)
      .selectFrom('publish_relay_accounts')
      .select('account_id')
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async handoff(jobId: string, tx: Db | Tx = this.db): Promise<HandoffRow | null> {
    return (
      (await RelayStore.on(tx)
        .selectFrom('publish_relay_handoffs')
        .selectAll()
        .where('job_id', '=', jobId)
        .executeTakeFirst()) ?? null
    );
  }

  async insertHandoff(row: HandoffRow, tx: Db | Tx): Promise<void> {
    await RelayStore.on(tx).insertInto('publish_relay_handoffs').values(row).execute();
  }

  async updateHandoff(jobId: string, changes: Partial<HandoffRow>, tx: Db | Tx = this.db): Promise<void> {
    await RelayStore.on(tx).updateTable('publish_relay_handoffs').set(changes).where('job_id', '=', jobId).execute();
  }

  async deleteHandoff(jobId: string, tx: Db | Tx): Promise<void> {
    await RelayStore.on(tx).deleteFrom('publish_relay_handoffs').where('job_id', '=', jobId).execute();
  }

  /** Hand-offs the server has not confirmed yet (the answer was lost): sent again with the same key. */
  async unconfirmed(serverUrl: string): Promise<HandoffRow[]> {
    return RelayStore.on(this.db)
      .selectFrom('publish_relay_handoffs')
      .selectAll()
      .where('server_url', '=', serverUrl)
      .where('relay_job_id', 'is', null)
      .execute();
  }

  /** The relayed local job with this idempotency key, with its hand-off. */
  async relayedByKey(idempotencyKey: string): Promise<{ jobId: string; handoff: HandoffRow } | null> {
    const row = await RelayStore.on(this.db)
      .selectFrom('publish_jobs')
      .innerJoin('publish_relay_handoffs', 'publish_relay_handoffs.job_id', 'publish_jobs.id')
      .selectAll('publish_relay_handoffs')
      .where('publish_jobs.idempotency_key', '=', idempotencyKey)
      .where('publish_jobs.status', '=', 'relayed')
      .executeTakeFirst();
    return row ? { jobId: row.job_id, handoff: row } : null;
  }

  /** Queued, never-sent jobs of the opted-in accounts: what `handOffEligible` offers the relay. */
  async eligibleJobIds(): Promise<string[]> {
    const rows = await RelayStore.on(this.db)
      .selectFrom('publish_jobs')
      .innerJoin('publish_relay_accounts', 'publish_relay_accounts.account_id', 'publish_jobs.account_id')
      .select('publish_jobs.id')
      .where('publish_jobs.status', '=', 'queued')
      .where('publish_jobs.attempts', '=', 0)
      .orderBy('publish_jobs.due_at')
      .execute();
    return rows.map((r) => r.id);
  }

  async cursor(serverUrl: string): Promise<string | null> {
    const row = await RelayStore.on(this.db)
      .selectFrom('publish_relay_cursors')
      .select('since')
      .where('server_url', '=', serverUrl)
      .executeTakeFirst();
    return row?.since ?? null;
  }

  async setCursor(serverUrl: string, since: string): Promise<void> {
    await RelayStore.on(this.db)
      .insertInto('publish_relay_cursors')
      .values({ server_url: serverUrl, since })
      .onConflict((oc) => oc.column('server_url').doUpdateSet({ since }))
      .execute();
  }
}
