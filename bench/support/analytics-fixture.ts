import { randomUUID } from 'node:crypto';
import type { AppDatabase } from '../../src/main/db/database';
import { prng } from './posts-fixture';

/** The dashboard benchmark's data: 5 accounts with 2 years of daily followers, 5k published posts. */
export const ANALYTICS_ACCOUNTS = [
  { platform: 'x', handle: 'ada' },
  { platform: 'linkedin', handle: 'ada-baker' },
  { platform: 'instagram', handle: 'ada.bakes' },
  { platform: 'youtube', handle: 'AdaBakes' },
  { platform: 'bluesky', handle: 'ada.bsky.social' },
] as const;
export const ANALYTICS_DAYS = 730;
export const ANALYTICS_POSTS = Number(process.env.BENCH_ANALYTICS_POSTS ?? 5000);
/** Snapshots per publication: daily for a week, then weekly to week 8 (how metrics pulls age). */
const SNAPSHOT_DAYS = [1, 2, 3, 4, 5, 6, 7, 14, 21, 28, 35, 42, 49, 56];
const FORMATS = ['listicle', 'how-to', 'story', 'question', 'case-study', 'announcement'];
const HASHTAGS = ['sourdough', 'baking', 'bread', 'recipe', 'kitchen', 'flour', 'crumb', 'starter'];
const DAY = 86_400_000;

export interface AnalyticsFixtureSummary {
  accounts: number;
  accountDays: number;
  posts: number;
  snapshots: number;
}

/**
 * Writes the fixture with prepared statements in one transaction (minutes through the importer,
 * about a second this way). Rows follow the schema of migrations 006+ exactly, so the services
 * read them as they would read imported or published data.
 */
export function writeAnalyticsFixture(database: AppDatabase, endIso: string): AnalyticsFixtureSummary {
  const random = prng(8_2026);
  const raw = database.raw;
  const end = Date.parse(endIso);
  const start = end - ANALYTICS_DAYS * DAY;
  const now = new Date(end).toISOString();
  const insertAccount = raw.prepare(
    `insert into accounts (id, platform, handle, display_name, source, created_at, updated_at)
     values (?, ?, ?, ?, 'import', ?, ?)`,
  );
  const insertDay = raw.prepare(
    'insert into account_metrics (account_id, date, followers, impressions, captured_at) values (?, ?, ?, ?, ?)',
  );
  const insertPost = raw.prepare(
    `insert into posts (id, title, body, status, tags, platforms, scheduled_at, created_at, updated_at, version)
     values (?, ?, ?, 'published', ?, ?, null, ?, ?, 1)`,
  );
  const insertPublication = raw.prepare(
    `insert into post_publications (post_id, platform, account_id, published_at, format, media_count, metrics_at,
       impressions, reach, views, likes, comments, shares, saves, clicks)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSnapshot = raw.prepare(
    `insert into post_metrics (publication_id, captured_at, impressions, reach, views, likes, comments, shares, saves, clicks)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let snapshots = 0;
  raw.transaction(() => {
    const accountIds = ANALYTICS_ACCOUNTS.map((account) => {
      const id = randomUUID();
      insertAccount.run(id, account.platform, account.handle, account.handle, now, now);
      let followers = 500 + Math.floor(random() * 2000);
      for (let day = 0; day < ANALYTICS_DAYS; day += 1) {
        followers += Math.round(3 + random() * 8 - 2);
        const date = new Date(start + day * DAY).toISOString().slice(0, 10);
        insertDay.run(id, date, followers, Math.round(followers * (2 + random() * 3)), now);
      }
      return id;
    });
    for (let i = 0; i < ANALYTICS_POSTS; i += 1) {
      const accountIndex = Math.floor(random() * ANALYTICS_ACCOUNTS.length);
      const platform = ANALYTICS_ACCOUNTS[accountIndex]!.platform;
      const publishedMs = start + Math.floor(random() * ANALYTICS_DAYS * DAY);
      const publishedAt = new Date(publishedMs).toISOString();
      const tags = HASHTAGS.filter(() => random() < 0.25);
      const id = randomUUID();
      const body = `Post ${i} about ${tags.join(' and ') || 'bread'}. ${tags.map((t) => `#${t}`).join(' ')}`;
      insertPost.run(id, `Post ${i}`, body, JSON.stringify(tags), JSON.stringify([platform]), publishedAt, publishedAt);
      const impressions = 200 + Math.floor(random() * 5000);
      const counts = (share: number) => {
        const seen = Math.round(impressions * share);
        return [seen, Math.round(seen * 0.8), platform === 'youtube' ? seen : null] as const;
      };
      const engagement = (share: number, seen: number) => Math.round(seen * share * (0.01 + random() * 0.05));
      const [finalSeen, finalReach, finalViews] = counts(1);
      const publication = insertPublication.run(
        id,
        platform,
        accountIds[accountIndex],
        publishedAt,
        FORMATS[Math.floor(random() * FORMATS.length)],
        random() < 0.4 ? 1 : 0,
        null,
        finalSeen,
        finalReach,
        finalViews,
        engagement(1, finalSeen),
        engagement(0.2, finalSeen),
        engagement(0.1, finalSeen),
        engagement(0.1, finalSeen),
        engagement(0.3, finalSeen),
      );
      const publicationId = Number(publication.lastInsertRowid);
      let lastCapturedAt = publishedAt;
      for (const day of SNAPSHOT_DAYS) {
        const capturedMs = publishedMs + day * DAY;
        if (capturedMs > end) break;
        const share = Math.min(1, day / 14);
        const [seen, reach, views] = counts(share);
        lastCapturedAt = new Date(capturedMs).toISOString();
        insertSnapshot.run(publicationId, lastCapturedAt, seen, reach, views, engagement(share, seen), 0, 0, 0, 0);
        snapshots += 1;
      }
      raw.prepare('update post_publications set metrics_at = ? where id = ?').run(lastCapturedAt, publicationId);
    }
  })();
  return {
    accounts: ANALYTICS_ACCOUNTS.length,
    accountDays: ANALYTICS_ACCOUNTS.length * ANALYTICS_DAYS,
    posts: ANALYTICS_POSTS,
    snapshots,
  };
}
