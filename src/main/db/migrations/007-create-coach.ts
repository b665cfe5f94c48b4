import { sql, type Kysely } from 'kysely';

/**
 * The success coach: the goal being coached (to notice when the profile's goal changes), its
 * milestones, daily sessions, and interventions with what the creator did about each.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coach_goal')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('target', 'real', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('coach_milestones')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('fraction', 'real', (c) => c.notNull().check(sql`fraction > 0 and fraction <= 1`))
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('reached_at', 'text')
    .addColumn('celebrated_at', 'text')
    .execute();

  await db.schema
    .createTable('coach_sessions')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('plan', 'text', (c) => c.notNull().check(sql`json_valid(plan)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('coach_interventions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    // Identifies the situation (rule + subject) so one situation is raised once while it lasts.
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().check(sql`json_valid(details)`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open','snoozed','dismissed','acted','resolved')`),
    )
    .addColumn('triggered_at', 'text', (c) => c.notNull())
    .addColumn('snoozed_until', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('action', 'text')
    .execute();
  await sql`create unique index coach_interventions_live on coach_interventions(situation)
    where status in ('open','snoozed')`.execute(db);
  await db.schema
    .createIndex('coach_interventions_rule')
    .on('coach_interventions')
    .columns(['rule', 'status'])
    .execute();
}
