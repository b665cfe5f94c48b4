import type { Profile } from '../../shared/domain/profile';
import type { Db, Tx } from '../db/database';

/** The single profile row. */
export class ProfileRepository {
  constructor(private readonly db: Db) {}

  async get(tx: Db | Tx = this.db): Promise<Profile | null> {
    const row = await tx.selectFrom('profile').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!row) return null;
    return {
      name: row.name,
      niche: row.niche,
      platforms: JSON.parse(row.platforms) as Profile['platforms'],
      timezone: row.timezone,
      goal: {
        metric: row.goal_metric as Profile['goal']['metric'],
        target: row.goal_target,
        deadline: row.goal_deadline,
      },
      cadence: {
        postsPerWeek: row.cadence_posts_per_week,
        days: JSON.parse(row.cadence_days) as Profile['cadence']['days'],
      },
    };
  }

  async save(profile: Profile, now: string, tx: Db | Tx = this.db): Promise<void> {
    const values = {
      name: profile.name,
      niche: profile.niche,
      platforms: JSON.stringify(profile.platforms),
      timezone: profile.timezone,
      goal_metric: profile.goal.metric,
      goal_target: profile.goal.target,
      goal_deadline: profile.goal.deadline,
      cadence_posts_per_week: profile.cadence.postsPerWeek,
      cadence_days: JSON.stringify(profile.cadence.days),
      updated_at: now,
    };
    await tx
      .insertInto('profile')
      .values({ id: 1, ...values, created_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }

  async delete(tx: Tx): Promise<void> {
    await tx.deleteFrom('profile').execute();
  }
}
