import { sql, type Kysely } from 'kysely';

const PLATFORM_CHECK = sql`platform in ('x','linkedin','instagram','facebook','youtube','tiktok','threads','bluesky','mastodon')`;

/**
 * Publishing: what a connected account needs beyond the analytics columns (its id on the
 * platform, instance, scopes and token expiry — the tokens themselves live in the secrets port),
 * the durable publish queue, and per-account rate-limit state read from response headers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('external_id', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('instance_url', 'text').execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('accounts').addColumn('token_expires_at', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('token_checked_at', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('status_detail', 'text').execute();

  await db.schema
    .createTable('publish_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull().check(PLATFORM_CHECK))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    // Sent to the platform where it takes one (Mastodon), and used to find the post after a crash.
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('queued','leased','sending','outcome_unknown','pending_remote','published','failed','cancelled','missed')`,
        ),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('remote_state', 'text', (c) => c.check(sql`remote_state is null or json_valid(remote_state)`))
    .addColumn('last_error', 'text')
    .addColumn('error_kind', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('publish_jobs_due').on('publish_jobs').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('publish_jobs_post').on('publish_jobs').column('post_id').execute();
  // One live job per post and platform: a second click never queues a second post.
  await sql`create unique index publish_jobs_live on publish_jobs(post_id, platform)
    where status not in ('failed','cancelled')`.execute(db);

  await db.schema
    .createTable('publish_events')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull().references('publish_jobs.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('publish_events_job').on('publish_events').columns(['job_id', 'id']).execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('limit_total', 'integer')
    .addColumn('remaining', 'integer')
    .addColumn('reset_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pk', ['account_id', 'bucket'])
    .execute();
}
