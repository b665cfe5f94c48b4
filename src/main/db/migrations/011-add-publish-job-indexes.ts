import { sql, type Kysely } from 'kysely';

/**
 * The publish queue's runnable jobs by the time they next run (`coalesce(next_attempt_at,
 * due_at)`), partial over the runnable statuses so it stays as small as the live queue: taking
 * the next due jobs walks it in order (no sort of every due row) and planning the next wake-up
 * is one seek instead of a scan. SQLite uses a partial index only when the query spells its
 * condition the same way, so the queue's queries write this status list as literals, in this order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index publish_jobs_runnable_at on publish_jobs(coalesce(next_attempt_at, due_at))
    where status in ('queued','outcome_unknown','pending_remote')`.execute(db);
}
