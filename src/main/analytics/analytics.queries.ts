import { sql } from 'kysely';
import type { Platform } from '../../shared/domain/platform';
import type { Db } from '../db/database';
import type { MetricColumns } from '../db/schema/analytics';

/** A publication with what the dashboard needs from its post and account. */
export interface PublicationQueryRow extends MetricColumns {
  id: number;
  post_id: string;
  platform: string;
  account_id: string | null;
  handle: string | null;
  published_at: string;
  url: string | null;
  format: string | null;
  media_count: number;
  metrics_at: string | null;
  title: string;
  body: string;
  /** Followers of the account on or before the publishing day; only for follower-based platforms. */
  followers_at: number | null;
}

/** Which publications to read: a UTC half-open range on published_at, platforms, or given posts. */
export interface PublicationScope {
  fromUtc?: string;
  toUtcExclusive?: string;
  platforms?: readonly Platform[];
  postIds?: readonly string[];
}

/** Platforms whose engagement rate divides by followers (see math/engagement.ts). */
const FOLLOWER_BASED = ['bluesky', 'mastodon'];

/**
 * Read-side SQL for dashboards. Latest counts come from post_publications (one row per post and
 * platform), never from the snapshot table, and ranges are on published_at so the
 * (published_at, platform) index answers them.
 */
export class AnalyticsQueries {
  constructor(private readonly db: Db) {}

  async publications(scope: PublicationScope): Promise<PublicationQueryRow[]> {
    let q = this.db
      .selectFrom('post_publications as pp')
      .innerJoin('posts as p', 'p.id', 'pp.post_id')
      .leftJoin('accounts as a', 'a.id', 'pp.account_id')
      .select([
        'pp.id',
        'pp.post_id',
        'pp.platform',
        'pp.account_id',
        'a.handle',
        'pp.published_at',
        'pp.url',
        'pp.format',
        'pp.media_count',
        'pp.metrics_at',
        'pp.impressions',
        'pp.reach',
        'pp.views',
        'pp.likes',
        'pp.comments',
        'pp.shares',
        'pp.saves',
        'pp.clicks',
        'p.title',
        'p.body',
        // The primary key (account_id, date) answers this per row in one index probe.
        sql<number | null>`case when pp.platform in (${sql.join(FOLLOWER_BASED)}) then (
          select am.followers from account_metrics am
          where am.account_id = pp.account_id and am.followers is not null
            and am.date <= substr(pp.published_at, 1, 10)
          order by am.date desc limit 1) end`.as('followers_at'),
      ])
      .where('p.deleted_at', 'is', null);
    if (scope.fromUtc !== undefined) q = q.where('pp.published_at', '>=', scope.fromUtc);
    if (scope.toUtcExclusive !== undefined) q = q.where('pp.published_at', '<', scope.toUtcExclusive);
    if (scope.platforms && scope.platforms.length > 0) q = q.where('pp.platform', 'in', [...scope.platforms]);
    if (scope.postIds) {
      if (scope.postIds.length === 0) return [];
      q = q.where('pp.post_id', 'in', [...scope.postIds]);
    }
    return q.orderBy('pp.published_at').orderBy('pp.id').execute();
  }

  /**
   * Follower observations of the accounts on these platforms: every day in [fromDay, toDay] plus
   * the last one before fromDay (the level the range starts from), oldest first.
   */
  async followerPoints(
    fromDay: string,
    toDay: string,
    platforms?: readonly Platform[],
  ): Promise<{ account_id: string; date: string; followers: number }[]> {
    const platformFilter =
      platforms && platforms.length > 0
        ? sql`and am.account_id in (select id from accounts where platform in (${sql.join([...platforms])}))`
        : sql``;
    const result = await sql<{ account_id: string; date: string; followers: number }>`
      select account_id, date, followers from (
        select am.account_id, am.date, am.followers from account_metrics am
        where am.followers is not null and am.date >= ${fromDay} and am.date <= ${toDay} ${platformFilter}
        union all
        select am.account_id, max(am.date) as date, am.followers from account_metrics am
        where am.followers is not null and am.date < ${fromDay} ${platformFilter}
        group by am.account_id
      ) order by account_id, date`.execute(this.db);
    return result.rows;
  }

  /** Every follower observation of one account, oldest first (anomaly scanning). */
  async followerHistory(accountId: string): Promise<{ date: string; followers: number }[]> {
    return this.db
      .selectFrom('account_metrics')
      .select(['date', 'followers'])
      .where('account_id', '=', accountId)
      .where('followers', 'is not', null)
      .orderBy('date')
      .execute() as Promise<{ date: string; followers: number }[]>;
  }

  async accounts(platforms?: readonly Platform[]): Promise<{ id: string; platform: string; handle: string }[]> {
    let q = this.db.selectFrom('accounts').select(['id', 'platform', 'handle']);
    if (platforms && platforms.length > 0) q = q.where('platform', 'in', [...platforms]);
    return q.orderBy('platform').orderBy('handle').execute();
  }

  /** Revenue and cost per currency in a UTC range, optionally only for posts published on these platforms. */
  async revenue(
    fromUtc: string,
    toUtcExclusive: string,
    platforms?: readonly Platform[],
  ): Promise<{
    totals: { currency: string; revenue: number; cost: number }[];
    posts: { post_id: string; title: string; currency: string; revenue: number; cost: number }[];
  }> {
    let base = this.db
      .selectFrom('revenue_entries as r')
      .where('r.occurred_at', '>=', fromUtc)
      .where('r.occurred_at', '<', toUtcExclusive);
    if (platforms && platforms.length > 0) {
      const list = [...platforms];
      base = base.where('r.post_id', 'in', (eb) =>
        eb.selectFrom('post_publications').select('post_id').where('platform', 'in', list),
      );
    }
    const totals = await base
      .select(['r.currency', sql<number>`sum(r.amount)`.as('revenue'), sql<number>`sum(r.cost)`.as('cost')])
      .groupBy('r.currency')
      .orderBy('revenue', 'desc')
      .execute();
    if (totals.length === 0) return { totals: [], posts: [] };
    const posts = await base
      .innerJoin('posts as p', 'p.id', 'r.post_id')
      .select([
        'r.post_id',
        'p.title',
        'r.currency',
        sql<number>`sum(r.amount)`.as('revenue'),
        sql<number>`sum(r.cost)`.as('cost'),
      ])
      .groupBy(['r.post_id', 'r.currency'])
      .orderBy('revenue', 'desc')
      .limit(10)
      .execute();
    return { totals, posts: posts.map((p) => ({ ...p, post_id: p.post_id as string })) };
  }

  /** Snapshots of one publication, oldest first. */
  async snapshots(publicationId: number): Promise<(MetricColumns & { captured_at: string })[]> {
    return this.db
      .selectFrom('post_metrics')
      .select(['captured_at', 'impressions', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks'])
      .where('publication_id', '=', publicationId)
      .orderBy('captured_at')
      .execute();
  }

  /**
   * Changes whenever publications or their metrics do (a new row, a newer snapshot, a post moved
   * to or out of the trash, an edit to a published post's text): the version of the data that
   * models fitted on it depend on. Unlike changeVersion, drafting and other writes leave it alone.
   */
  async dataVersion(): Promise<string> {
    const row = await sql<{
      n: number;
      maxId: number | null;
      lastMetrics: string | null;
      trashed: number;
      edited: number | null;
    }>`
      select count(*) as n, max(id) as maxId, max(metrics_at) as lastMetrics,
        (select count(*) from posts where deleted_at is not null) as trashed,
        (select sum(p.version) from posts p where p.id in (select post_id from post_publications)) as edited
      from post_publications`.execute(this.db);
    const v = row.rows[0];
    return v ? `${v.n}:${v.maxId}:${v.lastMetrics}:${v.trashed}:${v.edited}` : 'empty';
  }

  /**
   * Changes on every write to the database at all: this connection's count of changed rows (it
   * only grows) and SQLite's data_version (which moves when another connection commits). Stricter
   * than dataVersion (an edited post body, a renamed account or a new follower day all count), for
   * results read straight off the tables.
   */
  async changeVersion(): Promise<string> {
    const row = await sql<{ changes: number; data: number }>`
      select total_changes() as changes, (select data_version from pragma_data_version) as data`.execute(this.db);
    const v = row.rows[0];
    return `${v?.changes}:${v?.data}`;
  }

  async postExists(postId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('posts')
      .select('id')
      .where('id', '=', postId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }
}
