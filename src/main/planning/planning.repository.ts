import { sql } from 'kysely';
import type { Platform } from '../../shared/domain/platform';
import type { PostStatus } from '../../shared/domain/post';
import type { Db } from '../db/database';

/** A post that occupies a time on the calendar: scheduled, or published (at its first publication). */
export interface TimedPost {
  id: string;
  title: string;
  body: string;
  status: PostStatus;
  platforms: Platform[];
  version: number;
  /** Milliseconds since the epoch. */
  atMs: number;
}

const DAY_MS = 86_400_000;

/** Read SQL for planning: which posts take which times. Writes go through PostsService. */
export class PlanningRepository {
  constructor(private readonly db: Db) {}

  /**
   * Posts not in the trash that are scheduled, or published, at an instant in [fromMs, toMs);
   * optionally only those targeting `platform`. A published post counts at its first publication
   * (imported history has no scheduled time), else at its scheduled time. Stored times may carry
   * any UTC offset, so SQL narrows by a day on each side and the exact bounds are checked here.
   */
  async timedPosts(fromMs: number, toMs: number, platform?: Platform): Promise<TimedPost[]> {
    const lo = new Date(fromMs - DAY_MS).toISOString();
    const hi = new Date(toMs + DAY_MS).toISOString();
    const firstPublication = sql<
      string | null
    >`(select min(pp.published_at) from post_publications pp where pp.post_id = p.id)`;
    let q = this.db
      .selectFrom('posts as p')
      .select(['p.id', 'p.title', 'p.body', 'p.status', 'p.platforms', 'p.version', 'p.scheduled_at'])
      .select(firstPublication.as('published_at'))
      .where('p.deleted_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('p.status', '=', 'scheduled'), eb('p.scheduled_at', '>=', lo), eb('p.scheduled_at', '<', hi)]),
          eb.and([
            eb('p.status', '=', 'published'),
            eb(sql<string | null>`coalesce(${firstPublication}, p.scheduled_at)`, '>=', lo),
            eb(sql<string | null>`coalesce(${firstPublication}, p.scheduled_at)`, '<', hi),
          ]),
        ]),
      );
    if (platform) {
      q = q.where(sql<boolean>`exists (select 1 from json_each(p.platforms) where json_each.value = ${platform})`);
    }
    const rows = await q.execute();
    const out: TimedPost[] = [];
    for (const row of rows) {
      const when = row.status === 'published' ? (row.published_at ?? row.scheduled_at) : row.scheduled_at;
      if (when === null) continue;
      const atMs = Date.parse(when);
      if (!(atMs >= fromMs && atMs < toMs)) continue;
      out.push({
        id: row.id,
        title: row.title,
        body: row.body,
        status: row.status as PostStatus,
        platforms: JSON.parse(row.platforms) as Platform[],
        version: row.version,
        atMs,
      });
    }
    return out.sort((a, b) => a.atMs - b.atMs || a.id.localeCompare(b.id));
  }
}
