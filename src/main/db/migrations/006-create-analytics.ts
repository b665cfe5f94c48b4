import { sql, type Kysely } from 'kysely';

const PLATFORM_CHECK = sql`platform in ('x','linkedin','instagram','facebook','youtube','tiktok','threads','bluesky','mastodon')`;

/**
 * Analytics: the creator's accounts, where each post went out (a publication), metric snapshots
 * per publication and per account, A/B pairs, revenue (for ROI once affiliate data exists) and
 * detected anomalies. Publishing (#5) writes publications and snapshots; imports write them too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull().check(PLATFORM_CHECK))
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('import','connected')`))
    .addColumn('token_status', 'text', (c) =>
      c.check(sql`token_status in ('valid','expiring','needs_reconnect','missing_scope')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('accounts_platform_handle', ['platform', 'handle'])
    .execute();

  await db.schema
    .createTable('account_metrics')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('followers', 'integer', (c) => c.check(sql`followers >= 0`))
    .addColumn('impressions', 'integer', (c) => c.check(sql`impressions >= 0`))
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_metrics_pk', ['account_id', 'date'])
    .execute();

  await db.schema
    .createTable('post_publications')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull().check(PLATFORM_CHECK))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    // Post features the success-factors model reads; set by imports now, by templates and media later.
    .addColumn('format', 'text')
    .addColumn('media_count', 'integer', (c) => c.notNull().defaultTo(0))
    // The latest snapshot, copied here in the same transaction so dashboards read one row per post.
    .addColumn('metrics_at', 'text')
    .addColumn('impressions', 'integer')
    .addColumn('reach', 'integer')
    .addColumn('views', 'integer')
    .addColumn('likes', 'integer')
    .addColumn('comments', 'integer')
    .addColumn('shares', 'integer')
    .addColumn('saves', 'integer')
    .addColumn('clicks', 'integer')
    .addUniqueConstraint('post_publications_post_platform', ['post_id', 'platform'])
    .execute();
  await db.schema
    .createIndex('post_publications_published')
    .on('post_publications')
    .columns(['published_at', 'platform'])
    .execute();
  await db.schema.createIndex('post_publications_account').on('post_publications').column('account_id').execute();

  await db.schema
    .createTable('post_metrics')
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('post_publications.id').onDelete('cascade'))
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('impressions', 'integer')
    .addColumn('reach', 'integer')
    .addColumn('views', 'integer')
    .addColumn('likes', 'integer')
    .addColumn('comments', 'integer')
    .addColumn('shares', 'integer')
    .addColumn('saves', 'integer')
    .addColumn('clicks', 'integer')
    .addPrimaryKeyConstraint('post_metrics_pk', ['publication_id', 'captured_at'])
    .execute();

  await db.schema
    .createTable('ab_pairs')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('post_a', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('post_b', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull().check(PLATFORM_CHECK))
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('ab_pairs_distinct', sql`post_a <> post_b`)
    .addUniqueConstraint('ab_pairs_posts', ['post_a', 'post_b', 'platform'])
    .execute();

  await db.schema
    .createTable('revenue_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.references('posts.id').onDelete('set null'))
    .addColumn('campaign', 'text')
    .addColumn('amount', 'real', (c) => c.notNull())
    .addColumn('cost', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('USD'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('revenue_entries_occurred').on('revenue_entries').column('occurred_at').execute();

  await db.schema
    .createTable('analytics_anomalies')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('spike','drop')`))
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('expected', 'real', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'text')
    .addColumn('dismissed_at', 'text')
    .addUniqueConstraint('analytics_anomalies_once', ['account_id', 'metric', 'date'])
    .execute();

  // Small documents by key (report schedule, coach preferences), each validated by its owner.
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull().check(sql`json_valid(value)`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
