import { randomUUID } from 'node:crypto';
import type { ImportReport } from '../../shared/domain/imports';
import type { Platform } from '../../shared/domain/platform';
import type { Post } from '../../shared/domain/post';
import {
  type AnalyticsRepository,
  METRIC_NAMES,
  type MetricValues,
  type PublicationRow,
} from '../analytics/analytics.repository';
import type { Tx } from '../db/database';
import type { PostsRepository } from '../posts/posts.repository';
import { localDay } from './cell-values';
import type { AccountDayRow, PostRow } from './row-validator';

export type WriteCounts = Omit<ImportReport, 'kind' | 'rowsRead' | 'skipped'>;

/** An imported post's title: its own, else the first line of the text cut to 80 characters. */
export function titleOf(row: PostRow): string {
  if (row.title) return row.title;
  const firstLine =
    row.text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  return firstLine.length <= 80 ? firstLine : `${firstLine.slice(0, 79).trimEnd()}…`;
}

/** Whether a row's counts say anything the publication's latest snapshot does not already say. */
function hasNewValues(metrics: MetricValues, latest: PublicationRow): boolean {
  return METRIC_NAMES.some((name) => metrics[name] !== undefined && metrics[name] !== latest[name]);
}

/**
 * Writes validated rows inside one transaction: posts (with their first revision), accounts,
 * publications, snapshots and account days. Rows already imported are matched, never doubled.
 */
export class HistoryWriter {
  readonly counts: WriteCounts = {
    postsAdded: 0,
    publicationsAdded: 0,
    publicationsUpdated: 0,
    snapshotsAdded: 0,
    accountsAdded: 0,
    accountDaysAdded: 0,
    duplicatesSkipped: 0,
  };
  readonly addedPostIds: string[] = [];
  private readonly accounts = new Map<string, string>();
  private readonly byExternalId = new Map<string, PublicationRow>();
  private readonly byTimeAndBody = new Map<string, PublicationRow>();
  /** The followers a posts file gives per account and day: the value of that day's latest post. */
  private readonly followerDays = new Map<string, { accountId: string; date: string; at: string; followers: number }>();

  constructor(
    private readonly tx: Tx,
    private readonly analytics: AnalyticsRepository,
    private readonly posts: PostsRepository,
    private readonly options: { now: string; timeZone: string },
  ) {}

  /** Loads what is already here on these platforms, so each row is matched in memory. */
  async prepare(platforms: Platform[]): Promise<void> {
    for (const publication of await this.analytics.listPublicationsWithBody(platforms, this.tx)) {
      const { body, ...row } = publication;
      this.remember(row, body);
    }
  }

  async writePost(row: PostRow): Promise<void> {
    const capturedAt = row.capturedAt ?? this.options.now;
    const existing =
      (row.externalId !== null ? this.byExternalId.get(`${row.platform}\u0000${row.externalId}`) : undefined) ??
      this.byTimeAndBody.get(`${row.platform}\u0000${row.publishedAt}\u0000${row.text}`);
    const accountId = await this.account(row.platform, row.account);
    if (row.followers !== null) this.noteFollowers(accountId, row);

    if (existing) {
      const fresh = row.capturedAt !== null ? Object.keys(row.metrics).length > 0 : hasNewValues(row.metrics, existing);
      if (fresh && (await this.analytics.recordSnapshot(existing.id, capturedAt, row.metrics, this.tx))) {
        this.counts.snapshotsAdded++;
        this.counts.publicationsUpdated++;
        if (!existing.metrics_at || existing.metrics_at <= capturedAt) {
          Object.assign(existing, { metrics_at: capturedAt }, row.metrics);
        }
      } else {
        this.counts.duplicatesSkipped++;
      }
      return;
    }

    const post: Post = {
      id: randomUUID(),
      title: titleOf(row),
      body: row.text,
      status: 'published',
      tags: row.tags,
      platforms: [row.platform],
      scheduledAt: row.publishedAt,
      createdAt: row.publishedAt,
      updatedAt: row.publishedAt,
      version: 1,
      deletedAt: null,
    };
    await this.posts.insert(post, this.tx);
    await this.posts.addRevision(post, this.tx);
    this.counts.postsAdded++;
    this.addedPostIds.push(post.id);

    const publication = {
      postId: post.id,
      platform: row.platform,
      accountId,
      publishedAt: row.publishedAt,
      externalId: row.externalId,
      url: row.url,
      format: row.format,
      mediaCount: row.mediaCount,
    };
    const id = await this.analytics.insertPublication(publication, this.tx);
    this.counts.publicationsAdded++;
    const remembered: PublicationRow = {
      id,
      post_id: post.id,
      platform: row.platform,
      account_id: accountId,
      published_at: row.publishedAt,
      external_id: row.externalId,
      url: row.url,
      format: row.format,
      media_count: row.mediaCount,
      metrics_at: null,
      impressions: null,
      reach: null,
      views: null,
      likes: null,
      comments: null,
      shares: null,
      saves: null,
      clicks: null,
    };
    if (
      Object.keys(row.metrics).length > 0 &&
      (await this.analytics.recordSnapshot(id, capturedAt, row.metrics, this.tx))
    ) {
      this.counts.snapshotsAdded++;
      Object.assign(remembered, { metrics_at: capturedAt }, row.metrics);
    }
    this.remember(remembered, row.text);
  }

  async writeAccountDay(row: AccountDayRow): Promise<void> {
    const accountId = await this.account(row.platform, row.account);
    const values = { followers: row.followers, impressions: row.impressions };
    if (
      await this.analytics.upsertAccountDay(accountId, row.date, values, row.capturedAt ?? this.options.now, this.tx)
    ) {
      this.counts.accountDaysAdded++;
    }
  }

  /** Writes the followers gathered from post rows (one value per account and day). */
  async flushFollowers(): Promise<void> {
    for (const day of this.followerDays.values()) {
      const values = { followers: day.followers };
      if (await this.analytics.upsertAccountDay(day.accountId, day.date, values, this.options.now, this.tx)) {
        this.counts.accountDaysAdded++;
      }
    }
  }

  private noteFollowers(accountId: string, row: PostRow): void {
    const date = localDay(row.publishedAt, this.options.timeZone);
    const key = `${accountId}\u0000${date}`;
    const known = this.followerDays.get(key);
    if (!known || known.at <= row.publishedAt) {
      this.followerDays.set(key, { accountId, date, at: row.publishedAt, followers: row.followers as number });
    }
  }

  private async account(platform: Platform, handle: string): Promise<string> {
    const key = `${platform}\u0000${handle}`;
    const cached = this.accounts.get(key);
    if (cached) return cached;
    const existed = await this.analytics.findAccount(platform, handle, this.tx);
    const id = existed?.id ?? (await this.analytics.upsertAccount({ platform, handle, source: 'import' }, this.tx));
    if (!existed) this.counts.accountsAdded++;
    this.accounts.set(key, id);
    return id;
  }

  private remember(row: PublicationRow, body: string): void {
    if (row.external_id !== null) this.byExternalId.set(`${row.platform}\u0000${row.external_id}`, row);
    this.byTimeAndBody.set(`${row.platform}\u0000${row.published_at}\u0000${body}`, row);
  }
}
