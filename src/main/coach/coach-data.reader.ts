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
