import { sql, type Kysely } from 'kysely';

/** Reports written to the data folder (weekly on schedule, or on demand), listed for download. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('weekly','custom')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull().check(sql`json_valid(params)`))
    .addColumn('range_from', 'text', (c) => c.notNull())
    .addColumn('range_to', 'text', (c) => c.notNull())
    .addColumn('pdf_file', 'text', (c) => c.notNull())
    .addColumn('csv_file', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reports_created').on('reports').column('created_at').execute();
}
