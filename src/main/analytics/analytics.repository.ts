import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Platform } from '../../shared/domain/platform';
import type { Db, Tx } from '../db/database';
import type { AccountsTable, MetricColumns, PostPublicationsTable } from '../db/schema/analytics';
import type { ClockPort } from '../platform/clock/types';

/** The counts a snapshot may carry; a missing count is stored as null. */
export type MetricValues = Partial<MetricColumns>;

/** The metric columns in one fixed order (snapshots and the latest copy on a publication). */
export const METRIC_NAMES = [
  'impressions',
  'reach',
  'views',
  'likes',
  'comments',
  'shares',
  'saves',
  'clicks',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export type AccountRow = Selectable<AccountsTable>;
export type PublicationRow = Selectable<PostPublicationsTable>;

export interface AccountInput {
  platform: Platform;
  handle: string;
  displayName?: string;
  source: 'import' | 'connected';
}

export interface PublicationInput {
  postId: string;
  platform: Platform;
  accountId: string | null;
  publishedAt: string;
  externalId: string | null;
  url: string | null;
  format: string | null;
  mediaCount: number;
}

/** How to find an existing publication: by platform + external id, or platform + time + body. */
export type PublicationLookup =
  { platform: Platform; externalId: string } | { platform: Platform; publishedAt: string; body: string };

function metricColumns(metrics: MetricValues): MetricColumns {
  return {
    impressions: metrics.impressions ?? null,
    reach: metrics.reach ?? null,
    views: metrics.views ?? null,
    likes: metrics.likes ?? null,
    comments: metrics.comments ?? null,
    shares: metrics.shares ?? null,
    saves: metrics.saves ?? null,
    clicks: metrics.clicks ?? null,
  };
}

/**
 * Writes (and the simple lookups writers need) for accounts, publications and metric snapshots.
 * Shared by imports, publishing and analytics; dashboards' aggregate reads live in analytics.
 * Writes take the transaction they run in, so a caller's whole batch commits or rolls back.
 */
export class AnalyticsRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: ClockPort,
  ) {}

  /** The account's id, creating it when this platform + handle is new. Handles compare as given. */
  async upsertAccount(input: AccountInput, tx: Tx): Promise<string> {
    const now = this.clock.now().toISOString();
    const existing = await this.findAccount(input.platform, input.handle, tx);
    if (existing) {
      if (input.displayName && input.displayName !== existing.display_name) {
        await tx
          .updateTable('accounts')
          .set({ display_name: input.displayName, updated_at: now })
          .where('id', '=', existing.id)
          .execute();
      }
      return existing.id;
    }
    const id = randomUUID();
    await tx
      .insertInto('accounts')
      .values({
        id,
        platform: input.platform,
        handle: input.handle,
        display_name: input.displayName ?? '',
        source: input.source,
        token_status: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  async findAccount(platform: Platform, handle: string, tx: Db | Tx = this.db): Promise<AccountRow | null> {
    const row = await tx
      .selectFrom('accounts')
      .selectAll()
      .where('platform', '=', platform)
      .where('handle', '=', handle)
      .executeTakeFirst();
    return row ?? null;
  }

  async listAccounts(tx: Db | Tx = this.db): Promise<AccountRow[]> {
    return tx.selectFrom('accounts').selectAll().orderBy('platform').orderBy('handle').execute();
  }

  /** An existing publication matching the lookup (external id, else same time + same post body). */
  async findPublication(lookup: PublicationLookup, tx: Db | Tx = this.db): Promise<PublicationRow | null> {
    if ('externalId' in lookup) {
      const row = await tx
        .selectFrom('post_publications')
        .selectAll()
        .where('platform', '=', lookup.platform)
        .where('external_id', '=', lookup.externalId)
        .executeTakeFirst();
      return row ?? null;
    }
    const row = await tx
      .selectFrom('post_publications as pp')
      .innerJoin('posts as p', 'p.id', 'pp.post_id')
      .selectAll('pp')
      .where('pp.platform', '=', lookup.platform)
      .where('pp.published_at', '=', lookup.publishedAt)
      .where('p.body', '=', lookup.body)
      .where('p.deleted_at', 'is', null)
      .executeTakeFirst();
    return row ?? null;
  }

  async findPublicationByPost(
    postId: string,
    platform: Platform,
    tx: Db | Tx = this.db,
  ): Promise<PublicationRow | null> {
    const row = await tx
      .selectFrom('post_publications')
      .selectAll()
      .where('post_id', '=', postId)
      .where('platform', '=', platform)
      .executeTakeFirst();
    return row ?? null;
  }

  /** Every live publication on these platforms with its post's body (to match many rows at once). */
  async listPublicationsWithBody(
    platforms: Platform[],
    tx: Db | Tx = this.db,
  ): Promise<(PublicationRow & { body: string })[]> {
    if (platforms.length === 0) return [];
    return tx
      .selectFrom('post_publications as pp')
      .innerJoin('posts as p', 'p.id', 'pp.post_id')
      .selectAll('pp')
      .select('p.body')
      .where('pp.platform', 'in', platforms)
      .where('p.deleted_at', 'is', null)
      .execute();
  }

  /** Records that a post went out on a platform; returns the publication id. */
  async insertPublication(input: PublicationInput, tx: Tx): Promise<number> {
    const row = await tx
      .insertInto('post_publications')
      .values({
        post_id: input.postId,
        platform: input.platform,
        account_id: input.accountId,
        published_at: input.publishedAt,
        external_id: input.externalId,
        url: input.url,
        format: input.format,
        media_count: input.mediaCount,
        metrics_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /**
   * Stores a metrics snapshot. A repeat of the same (publication, captured_at) is ignored
   * (returns false). The publication's latest columns follow only a snapshot at least as new as
   * the one they hold, so an older file imported later never overwrites newer counts.
   */
  async recordSnapshot(publicationId: number, capturedAt: string, metrics: MetricValues, tx: Tx): Promise<boolean> {
    const columns = metricColumns(metrics);
    const inserted = await tx
      .insertInto('post_metrics')
      .values({ publication_id: publicationId, captured_at: capturedAt, ...columns })
      .onConflict((oc) => oc.columns(['publication_id', 'captured_at']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
    await tx
      .updateTable('post_publications')
      .set({ ...columns, metrics_at: capturedAt })
      .where('id', '=', publicationId)
      .where((eb) => eb.or([eb('metrics_at', 'is', null), eb('metrics_at', '<=', capturedAt)]))
      .execute();
    return true;
  }

  /** The newest snapshot of a publication (to tell whether a re-import carries newer counts). */
  async latestSnapshot(
    publicationId: number,
    tx: Db | Tx = this.db,
  ): Promise<(MetricColumns & { captured_at: string }) | null> {
    const row = await tx
      .selectFrom('post_metrics')
      .selectAll()
      .where('publication_id', '=', publicationId)
      .orderBy('captured_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Sets an account's followers/impressions for a day (YYYY-MM-DD). A value already stored from a
   * newer capture wins; a null in the new values keeps what was there. Returns whether the day is new.
   */
  async upsertAccountDay(
    accountId: string,
    date: string,
    values: { followers?: number | null; impressions?: number | null },
    capturedAt: string,
    tx: Tx,
  ): Promise<boolean> {
    const existing = await tx
      .selectFrom('account_metrics')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('date', '=', date)
      .executeTakeFirst();
    if (!existing) {
      await tx
        .insertInto('account_metrics')
        .values({
          account_id: accountId,
          date,
          followers: values.followers ?? null,
          impressions: values.impressions ?? null,
          captured_at: capturedAt,
        })
        .execute();
      return true;
    }
    if (existing.captured_at > capturedAt) return false;
    await tx
      .updateTable('account_metrics')
      .set({
        followers: values.followers ?? existing.followers,
        impressions: values.impressions ?? existing.impressions,
        captured_at: capturedAt,
      })
      .where('account_id', '=', accountId)
      .where('date', '=', date)
      .execute();
    return false;
  }
}
