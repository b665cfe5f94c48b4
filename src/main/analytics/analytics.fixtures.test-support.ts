import type { Platform } from '../../shared/domain/platform';
import type { Core } from '../core';
import { AnalyticsRepository, type MetricValues } from './analytics.repository';

export interface SeededPost {
  postId: string;
  publicationId: number;
}

export interface PostFixture {
  title?: string;
  body?: string;
  platform: Platform;
  accountId?: string | null;
  publishedAt: string;
  format?: string | null;
  mediaCount?: number;
  metrics: MetricValues;
  /** When the metrics were captured (default: a day after publishing). */
  capturedAt?: string;
}

/** Writes analytics fixtures through the same repository imports and publishing use. */
export class AnalyticsFixtures {
  private readonly repository: AnalyticsRepository;

  constructor(private readonly core: Core) {
    this.repository = new AnalyticsRepository(core.database.db, core.ports.clock);
  }

  async account(platform: Platform, handle: string): Promise<string> {
    return this.core.database.transaction((tx) =>
      this.repository.upsertAccount({ platform, handle, source: 'import' }, tx),
    );
  }

  /** A published post with one publication and one metrics snapshot. */
  async post(f: PostFixture): Promise<SeededPost> {
    const post = await this.core.services.posts.create({
      title: f.title ?? 'A post',
      body: f.body ?? 'Some words',
      status: 'published',
      platforms: [f.platform],
    });
    const capturedAt = f.capturedAt ?? new Date(Date.parse(f.publishedAt) + 86_400_000).toISOString();
    const publicationId = await this.core.database.transaction(async (tx) => {
      const id = await this.repository.insertPublication(
        {
          postId: post.id,
          platform: f.platform,
          accountId: f.accountId ?? null,
          publishedAt: f.publishedAt,
          externalId: null,
          url: null,
          format: f.format ?? null,
          mediaCount: f.mediaCount ?? 0,
        },
        tx,
      );
      await this.repository.recordSnapshot(id, capturedAt, f.metrics, tx);
      return id;
    });
    return { postId: post.id, publicationId };
  }

  /** Adds another snapshot to an existing publication. */
  async snapshot(publicationId: number, capturedAt: string, metrics: MetricValues): Promise<void> {
    await this.core.database.transaction((tx) =>
      this.repository.recordSnapshot(publicationId, capturedAt, metrics, tx),
    );
  }

  /** Followers per day: one row per entry of `series` ({ date: value }). */
  async followers(accountId: string, series: Record<string, number>): Promise<void> {
    await this.core.database.transaction(async (tx) => {
      for (const [date, followers] of Object.entries(series)) {
        await this.repository.upsertAccountDay(accountId, date, { followers }, `${date}T23:00:00.000Z`, tx);
      }
    });
  }

  async revenue(entry: {
    postId: string | null;
    amount: number;
    cost?: number;
    currency?: string;
    occurredAt: string;
  }) {
    await this.core.database.db
      .insertInto('revenue_entries')
      .values({
        post_id: entry.postId,
        campaign: null,
        amount: entry.amount,
        cost: entry.cost ?? 0,
        currency: entry.currency ?? 'USD',
        source: 'test',
        occurred_at: entry.occurredAt,
      })
      .execute();
  }
}
