import { type Kysely, sql } from 'kysely';

/** The encrypted change log (cursor = seq) and the keyring, both removed with their user. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sync_changes')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // No foreign key to devices: a change outlives the device that wrote it (a laptop is retired,
    // its edits stay part of the user's history).
    .addColumn('device_id', 'uuid', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    // The API already refuses larger blobs; the check keeps any other writer honest too.
    .addColumn('blob', 'bytea', (c) => c.notNull().check(sql`octet_length(blob) <= 65536`))
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // A retried push finds its rows already here (ON CONFLICT DO NOTHING).
  await db.schema
    .createIndex('sync_changes_user_hlc')
    .on('sync_changes')
    .columns(['user_id', 'hlc'])
    .unique()
    .execute();
  // Pull: one user's rows after a cursor, in order.
  await db.schema.createIndex('sync_changes_user_seq').on('sync_changes').columns(['user_id', 'seq']).execute();

  await db.schema
    .createTable('sync_keyrings')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('keyring', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sync_keyrings').execute();
  await db.schema.dropTable('sync_changes').execute();
}
