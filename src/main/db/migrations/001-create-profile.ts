import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('profile')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('niche', 'text', (c) => c.notNull())
    .addColumn('platforms', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('goal_metric', 'text', (c) => c.notNull())
    .addColumn('goal_target', 'real', (c) => c.notNull())
    .addColumn('goal_deadline', 'text', (c) => c.notNull())
    .addColumn('cadence_posts_per_week', 'integer', (c) => c.notNull())
    .addColumn('cadence_days', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
