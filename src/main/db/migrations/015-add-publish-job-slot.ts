import { sql, type Kysely } from 'kysely';

/**
 * `slot_at`: the post's calendar time a job was last lined up with. Editing a post re-syncs its
 * jobs; with this column only a change of the calendar time moves them, so a time the creator
 * picked for one job (retry at, reschedule a missed slot) survives edits to the text, and a
 * missed slot stays missed until the creator decides. Old rows keep null, read as their due time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table publish_jobs add column slot_at text`.execute(db);
}
