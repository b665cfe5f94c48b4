import { sql } from 'kysely';
import type { Platform } from '../../shared/domain/platform';
import type { PostStatus } from '../../shared/domain/post';
import type { Db } from '../db/database';
import type { PostMetricValues } from '../analytics/math/engagement';

/** One publication as the coach reads it: when, where, which format and its latest counts. */
export interface CoachPublication extends PostMetricValues {
  postId: string;
  title: string;
  platform: Platform;
  accountId: string | null;
  publishedAt: string;
  format: string | null;
}

export interface FollowerPoint {
  accountId: string;
  platform: Platform;
  date: string;
  followers: number;
}

export interface CoachAccount {
  id: string;
  platform: Platform;
  handle: string;
  tokenStatus: string | null;
}

export interface BacklogPost {
  id: string;
  title: string;
  body: string;
  status: PostStatus;
  platforms: Platform[];
  scheduledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Read-only queries over the creator's data (publications, account days, revenue, backlog).
 * The coach never writes these tables; analytics and imports own them.
 */
export class CoachDataReader {
  constructor(private readonly db: Db) {}

  async publications(sinceIso?: string): Promise<CoachPublication[]> {
    let q = this.db
      .selectFrom('post_publications as p')
      .innerJoin('posts', 'posts.id', 'p.post_id')
      .where('posts.deleted_at', 'is', null)
      .select([
        'p.post_id as postId',
        'posts.title as title',
        'p.platform',
        'p.account_id as accountId',
        'p.published_at as publishedAt',
        'p.format',
        'p.impressions',
        'p.reach',
        'p.views',
        'p.likes',
        'p.comments',
        'p.shares',
        'p.saves',
        'p.clicks',
      ])
      .orderBy('p.published_at');
    if (sinceIso) q = q.where('p.published_at', '>=', sinceIso);
    const rows = await q.execute();
    return rows.map((r) => ({ ...r, platform: r.platform as Platform }));
  }

  /**
   * Moves on every write to the database (this connection's changed-row count, which only grows,
   * and SQLite's data_version for other connections): results computed from these tables stay
   * right while it stays the same.
   */
  async changeVersion(): Promise<string> {
    const row = await sql<{ changes: number; data: number }>`
      select total_changes() as changes, (select data_version from pragma_data_version) as data`.execute(this.db);
    const v = row.rows[0];
    return `${v?.changes}:${v?.data}`;
  }

  /** When the most recent publication went out (null: never). */
  async lastPublishedAt(): Promise<string | null> {
    const row = await this.db
      .selectFrom('post_publications as p')
      .innerJoin('posts', 'posts.id', 'p.post_id')
      .where('posts.deleted_at', 'is', null)
      .select((eb) => eb.fn.max('p.published_at').as('last'))
      .executeTakeFirst();
    return row?.last ?? null;
  }

  /**
   * When each post first went out on any platform, oldest first (the streak needs no more than
   * this, so it does not pay for every publication's counts and title).
   */
  async firstPublishedAt(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('post_publications as p')
      .innerJoin('posts', 'posts.id', 'p.post_id')
      .where('posts.deleted_at', 'is', null)
      .select((eb) => eb.fn.min('p.published_at').as('first'))
      .groupBy('p.post_id')
      .orderBy('first')
      .execute();
    return rows.map((r) => r.first);
  }

  /**
   * Known follower counts from `fromDay` on, plus each account's last count before it (the level
   * it carries into the range), oldest first: what a daily series from `fromDay` needs, without
   * reading years of account days.
   */
  async followerDaysFrom(fromDay: string): Promise<FollowerPoint[]> {
    const result = await sql<{ accountId: string; platform: string; date: string; followers: number }>`
      select m.account_id as accountId, a.platform, m.date, m.followers from (
        select account_id, date, followers from account_metrics
        where followers is not null and date >= ${fromDay}
        union all
        select account_id, max(date) as date, followers from account_metrics
        where followers is not null and date < ${fromDay}
        group by account_id
      ) m join accounts a on a.id = m.account_id
      order by m.date`.execute(this.db);
    return result.rows.map((r) => ({ ...r, platform: r.platform as Platform }));
  }

  /** Daily follower counts that are known (null days left out), oldest first. */
  async followerDays(): Promise<FollowerPoint[]> {
    const rows = await this.db
      .selectFrom('account_metrics as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .where('m.followers', 'is not', null)
      .select(['m.account_id as accountId', 'a.platform', 'm.date', 'm.followers'])
      .orderBy('m.date')
      .execute();
    return rows.map((r) => ({ ...r, platform: r.platform as Platform, followers: r.followers ?? 0 }));
  }

  async revenue(): Promise<{ amount: number; occurredAt: string }[]> {
    return this.db
      .selectFrom('revenue_entries')
      .select(['amount', 'occurred_at as occurredAt'])
      .orderBy('occurred_at')
      .execute();
  }

  async accounts(): Promise<CoachAccount[]> {
    const rows = await this.db
      .selectFrom('accounts')
      .select(['id', 'platform', 'handle', 'token_status as tokenStatus'])
      .orderBy('platform')
      .orderBy('handle')
      .execute();
    return rows.map((r) => ({ ...r, platform: r.platform as Platform }));
  }

  /** Posts not yet out: ideas, drafts, ready and scheduled ones (not trashed), oldest first. */
  async backlog(): Promise<BacklogPost[]> {
    const rows = await this.db
      .selectFrom('posts')
      .where('deleted_at', 'is', null)
      .where('status', 'in', ['idea', 'draft', 'ready', 'scheduled'])
      .select(['id', 'title', 'body', 'status', 'platforms', 'scheduled_at', 'created_at', 'updated_at'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      status: r.status as PostStatus,
      platforms: parsePlatforms(r.platforms),
      scheduledAt: r.scheduled_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  /** When onboarding saved the profile first: the first goal starts then. */
  async profileCreatedAt(): Promise<string | null> {
    const row = await this.db.selectFrom('profile').select('created_at').where('id', '=', 1).executeTakeFirst();
    return row?.created_at ?? null;
  }
}

function parsePlatforms(json: string): Platform[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value.filter((v) => typeof v === 'string') as Platform[]) : [];
  } catch {
    return [];
  }
}
