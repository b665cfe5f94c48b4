import { sql, type Kysely } from 'kysely';

/**
 * Voice: the command history (what was heard, what it meant, what happened) and the creator's
 * custom phrases. Intents, suggestions, results and timings are JSON checked by the table, so a
 * broken row never reaches the Talk page. Voice settings live in the `settings` key/value table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('voice_commands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Paginating by (created_at, seq) keeps the order stable for commands made in the same millisecond.
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('voice','text')`))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('transcript', 'text', (c) => c.notNull())
    .addColumn('intents', 'text', (c) => c.notNull().check(sql`json_valid(intents)`))
    .addColumn('understood_by', 'text', (c) =>
      c.check(sql`understood_by is null or understood_by in ('grammar','custom','ai')`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('done','awaiting-confirmation','cancelled','not-understood','failed')`),
    )
    .addColumn('reply', 'text', (c) => c.notNull())
    .addColumn('suggestions', 'text', (c) => c.notNull().check(sql`json_valid(suggestions)`))
    .addColumn('result', 'text', (c) => c.notNull().check(sql`json_valid(result)`))
    .addColumn('timings', 'text', (c) => c.notNull().check(sql`json_valid(timings)`))
    .addColumn('corrected_to', 'text', (c) => c.check(sql`corrected_to is null or json_valid(corrected_to)`))
    // While awaiting confirmation: which intent waits and when the question lapses.
    .addColumn('pending', 'text', (c) => c.check(sql`pending is null or json_valid(pending)`))
    .execute();

  await db.schema
    .createTable('voice_custom_commands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phrase', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('intents', 'text', (c) => c.notNull().check(sql`json_valid(intents)`))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('correction','manual')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('voice_custom_commands_phrase', ['language', 'phrase'])
    .execute();
}
