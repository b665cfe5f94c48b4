import { sql, type Kysely } from 'kysely';

/** Usage of every LLM call (for the dashboard and the monthly ceiling) and the router policy. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('llm_usage')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('task', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull().check(sql`location in ('local','cloud')`))
    .addColumn('fallback_position', 'integer', (c) => c.notNull().check(sql`fallback_position >= 0`))
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('ok','cancelled','error')`))
    .addColumn('error_kind', 'text', (c) => c.check(sql`(outcome = 'error') = (error_kind is not null)`))
    .addColumn('tokens_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tokens_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ttft_ms', 'real')
    .addColumn('tokens_per_second', 'real')
    .addColumn('duration_ms', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('cost_usd', 'real', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`cost_usd >= 0`),
    )
    .addColumn('rating', 'integer', (c) => c.check(sql`rating between 1 and 5`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('llm_usage_created_at').on('llm_usage').column('created_at').execute();
  await db.schema.createIndex('llm_usage_request').on('llm_usage').column('request_id').execute();

  await db.schema
    .createTable('llm_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('policy', 'text', (c) => c.notNull().check(sql`json_valid(policy)`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
