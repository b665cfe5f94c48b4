import type { Selectable } from 'kysely';
import type { Db, Tx } from '../db/database';
import type { CoachGoalTable, CoachInterventionsTable, CoachMilestonesTable } from '../db/schema/coach';

export type GoalRow = Selectable<CoachGoalTable>;
export type MilestoneRow = Selectable<CoachMilestonesTable>;
export type InterventionRow = Selectable<CoachInterventionsTable>;

/** SQL over the coach's own tables (coach_*) and its settings document. */
export class CoachRepository {
  constructor(private readonly db: Db) {}

  async goal(tx: Db | Tx = this.db): Promise<GoalRow | null> {
    return (await tx.selectFrom('coach_goal').selectAll().where('id', '=', 1).executeTakeFirst()) ?? null;
  }

  /** Replaces the tracked goal and its milestones (a new goal starts over). */
  async replaceGoal(
    goal: Omit<GoalRow, 'id'>,
    milestones: Omit<MilestoneRow, 'id' | 'reached_at' | 'celebrated_at'>[],
    tx: Tx,
  ): Promise<void> {
    await tx.deleteFrom('coach_milestones').execute();
    await tx
      .insertInto('coach_goal')
      .values({ id: 1, ...goal })
      .onConflict((oc) => oc.column('id').doUpdateSet(goal))
      .execute();
    if (milestones.length > 0) await tx.insertInto('coach_milestones').values(milestones).execute();
  }

  async replaceMilestones(
    milestones: Omit<MilestoneRow, 'id' | 'reached_at' | 'celebrated_at'>[],
    tx: Tx,
  ): Promise<void> {
    await tx.deleteFrom('coach_milestones').execute();
    if (milestones.length > 0) await tx.insertInto('coach_milestones').values(milestones).execute();
  }

  async milestones(tx: Db | Tx = this.db): Promise<MilestoneRow[]> {
    return tx.selectFrom('coach_milestones').selectAll().orderBy('fraction').orderBy('id').execute();
  }

  /** True when this call marked it (false: already reached). */
  async markReached(id: number, at: string, tx: Tx): Promise<boolean> {
    const result = await tx
      .updateTable('coach_milestones')
      .set({ reached_at: at })
      .where('id', '=', id)
      .where('reached_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async markCelebrated(id: number, at: string): Promise<MilestoneRow | null> {
    await this.db
      .updateTable('coach_milestones')
      .set({ celebrated_at: at })
      .where('id', '=', id)
      .where('reached_at', 'is not', null)
      .where('celebrated_at', 'is', null)
      .execute();
    return (await this.db.selectFrom('coach_milestones').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async session(date: string): Promise<{ plan: string; created_at: string } | null> {
    return (
      (await this.db
        .selectFrom('coach_sessions')
        .select(['plan', 'created_at'])
        .where('date', '=', date)
        .executeTakeFirst()) ?? null
    );
  }

  async saveSession(date: string, plan: string, createdAt: string): Promise<void> {
    await this.db
      .insertInto('coach_sessions')
      .values({ date, plan, created_at: createdAt })
      .onConflict((oc) => oc.column('date').doUpdateSet({ plan, created_at: createdAt }))
      .execute();
  }

  async setting(key: string): Promise<string | null> {
    return (
      (await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null
    );
  }

  async saveSetting(key: string, value: string, now: string): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
      .execute();
  }

  async liveInterventions(tx: Db | Tx = this.db): Promise<InterventionRow[]> {
    return tx.selectFrom('coach_interventions').selectAll().where('status', 'in', ['open', 'snoozed']).execute();
  }

  async intervention(id: number, tx: Db | Tx = this.db): Promise<InterventionRow | null> {
    return (await tx.selectFrom('coach_interventions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async recentClosed(limit: number): Promise<InterventionRow[]> {
    return this.db
      .selectFrom('coach_interventions')
      .selectAll()
      .where('status', 'in', ['dismissed', 'acted', 'resolved'])
      .orderBy('closed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Responses per rule (acted, dismissed, snoozed) and when each rule last fired. */
  async ruleHistory(): Promise<{ rule: string; status: string; details: string; triggered_at: string }[]> {
    return this.db.selectFrom('coach_interventions').select(['rule', 'status', 'details', 'triggered_at']).execute();
  }

  /** The most recent intervention raised for a situation, if any. */
  async latestForSituation(situation: string, tx: Db | Tx = this.db): Promise<InterventionRow | null> {
    return (
      (await tx
        .selectFrom('coach_interventions')
        .selectAll()
        .where('situation', '=', situation)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()) ?? null
    );
  }

  async insertIntervention(row: Omit<InterventionRow, 'id'>, tx: Tx): Promise<number> {
    const result = await tx.insertInto('coach_interventions').values(row).returning('id').executeTakeFirstOrThrow();
    return result.id;
  }

  async updateIntervention(
    id: number,
    patch: Partial<Pick<InterventionRow, 'status' | 'snoozed_until' | 'closed_at' | 'action' | 'details'>>,
    tx: Db | Tx = this.db,
  ): Promise<void> {
    await tx.updateTable('coach_interventions').set(patch).where('id', '=', id).execute();
  }
}
