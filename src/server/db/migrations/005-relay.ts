import { type Kysely, sql } from 'kysely';

/**
 * The publish relay: posts handed over by a device, sealed to the relay's key (token and post
 * both), published by the relay worker at their time. `(user_id, idempotency_key)` is unique so a
 * device retrying a hand-off gets the same job. The runnable index is partial over the statuses a
 * worker claims, so claiming walks only the live queue.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('relay_jobs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('device_id', 'uuid', (c) => c.references('devices.id').onDelete('set null'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sealed', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(
          sql`status in ('queued', 'leased', 'sending', 'outcome_unknown', 'pending_remote', 'published', 'failed', 'cancelled')`,
        ),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'timestamptz')
    .addColumn('remote_state', 'jsonb')
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('quota_period', 'text', (c) => c.notNull())
    .addColumn('first_sent_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('relay_jobs_user_key')
    .on('relay_jobs')
    .columns(['user_id', 'idempotency_key'])
    .unique()
    .execute();
  await db.schema.createIndex('relay_jobs_user_updated').on('relay_jobs').columns(['user_id', 'updated_at']).execute();
  await sql`create index relay_jobs_runnable on relay_jobs (coalesce(next_attempt_at, due_at))
    where status in ('queued', 'leased', 'sending', 'outcome_unknown', 'pending_remote')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('relay_jobs').execute();
}
