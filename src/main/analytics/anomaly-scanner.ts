import type { AnalyticsAnomaly, PublishedPost } from '../../shared/domain/analytics';
import type { EventBus } from '../contract/event-bus';
import type { AppDatabase } from '../db/database';
import type { CorePorts } from '../ports';
import type { AnalyticsQueries } from './analytics.queries';
import { AnomaliesStore, type NewAnomaly } from './anomalies.store';
import { detectAnomalies, likelyCause, type Anomaly } from './math/anomalies';
import { addDays, dailyChanges, type DailyPoint } from './math/growth';
import { toPublishedPost } from './published-post';
import type { ZoneClock } from './zone-clock';

/** Engagement of a day's posts keeps growing for a while: judge a day only once its posts are this old. */
const ENGAGEMENT_SETTLE_DAYS = 2;
/** The posts before an anomaly that likelyCause compares against ("the creator's usual post"). */
const CAUSE_WINDOW_DAYS = 28;
/** More new anomalies than this in one scan (an imported history) get one summary notification. */
const MAX_SINGLE_NOTIFICATIONS = 3;

interface Dated {
  post: PublishedPost;
  day: string;
}

const formatDay = (day: string): string =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

const signedNumber = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.round(Math.abs(x)).toLocaleString('en-US')}`;

/** The notification for one anomaly: what happened, against what, and the likely cause. */
export function anomalyMessage(a: AnalyticsAnomaly): { title: string; body: string } {
  const who = a.accountHandle ? ` on ${a.accountHandle}` : '';
  if (a.metric === 'followers') {
    return {
      title: `Followers ${a.direction}${who}`,
      body: `${signedNumber(a.value)} followers on ${formatDay(a.date)} (usually ${signedNumber(a.expected)} a day). ${a.cause}`,
    };
  }
  return {
    title: `Engagement ${a.direction}`,
    body: `${Math.round(a.value).toLocaleString('en-US')} engagements on posts from ${formatDay(a.date)} (usually ${Math.round(a.expected).toLocaleString('en-US')}). ${a.cause}`,
  };
}

/**
 * Finds sudden spikes and drops in each account's daily follower change and in the daily
 * engagement of the creator's posts, stores each once with its likely cause, and notifies once.
 */
export class AnomalyScanner {
  private readonly store: AnomaliesStore;

  constructor(
    private readonly database: AppDatabase,
    private readonly queries: AnalyticsQueries,
    private readonly ports: Pick<CorePorts, 'clock' | 'notifications' | 'logger'>,
    private readonly events: EventBus,
    private readonly zone: () => Promise<ZoneClock>,
  ) {
    this.store = new AnomaliesStore(database.db);
  }

  /** Runs one scan; returns the anomalies it stored for the first time. */
  async scan(): Promise<AnalyticsAnomaly[]> {
    const zone = await this.zone();
    const now = this.ports.clock.now();
    const today = zone.today(now);
    const posts: Dated[] = (await this.queries.publications({})).map((row) => {
      const post = toPublishedPost(row);
      return { post, day: zone.day(post.publishedAt) };
    });
    const known = await this.store.knownKeys();
    const found: NewAnomaly[] = [];

    for (const account of await this.queries.accounts()) {
      const history = (await this.queries.followerHistory(account.id)).map((p) => ({
        date: p.date,
        value: p.followers,
      }));
      const own = posts.filter(
        (p) => p.post.accountId === account.id || (p.post.accountId === null && p.post.platform === account.platform),
      );
      for (const a of detectAnomalies(dailyChanges(history))) {
        const candidate = { accountId: account.id, metric: 'followers' as const, date: a.date };
        if (known.has(AnomaliesStore.key(candidate))) continue;
        found.push({ ...candidate, ...this.measures(a), cause: this.cause(a, own, zone, addDays(a.date, 1)) });
      }
    }

    for (const a of detectAnomalies(engagementSeries(posts, addDays(today, -ENGAGEMENT_SETTLE_DAYS)))) {
      const candidate = { accountId: null, metric: 'engagements' as const, date: a.date };
      if (known.has(AnomaliesStore.key(candidate))) continue;
      found.push({ ...candidate, ...this.measures(a), cause: this.cause(a, posts, zone, a.date) });
    }

    if (found.length === 0) return [];
    const detectedAt = now.toISOString();
    const fresh = await this.database.transaction((tx) => this.store.insertNew(found, detectedAt, tx));
    if (fresh.length === 0) return [];
    this.notify(fresh);
    await this.store.markNotified(
      fresh.map((a) => a.id),
      detectedAt,
    );
    this.events.emit('analytics:anomalies', { count: fresh.length });
    this.ports.logger.info({ count: fresh.length }, 'analytics: new anomalies');
    return fresh.map((a) => ({ ...a, notifiedAt: detectedAt }));
  }

  async list(filter: { from?: string; to?: string; includeDismissed?: boolean }): Promise<AnalyticsAnomaly[]> {
    return this.store.list(filter);
  }

  async dismiss(id: number): Promise<AnalyticsAnomaly | null> {
    return this.store.dismiss(id, this.ports.clock.now().toISOString());
  }

  private measures(a: Anomaly): Pick<NewAnomaly, 'direction' | 'value' | 'expected' | 'score'> {
    return { direction: a.direction, value: a.value, expected: a.expected, score: a.score };
  }

  /**
   * The likely cause from the posts of the four weeks up to the anomaly's day; `quietBefore` is the
   * day before which the last post counts as "before" (a follower drop counts that day's posts).
   */
  private cause(a: Anomaly, posts: readonly Dated[], zone: ZoneClock, quietBefore: string): string {
    const windowStart = addDays(a.date, -CAUSE_WINDOW_DAYS);
    const around = posts
      .filter((p) => p.day >= windowStart && p.day <= a.date)
      .map((p) => ({
        id: p.post.postId,
        title: p.post.title || p.post.excerpt,
        publishedAt: p.post.publishedAt,
        engagements: p.post.engagements,
      }));
    const last = posts.findLast((p) => p.day < quietBefore);
    return likelyCause(a, { posts: around, lastPostBefore: last?.post.publishedAt ?? null, timezone: zone.timezone });
  }

  private notify(fresh: readonly AnalyticsAnomaly[]): void {
    if (fresh.length <= MAX_SINGLE_NOTIFICATIONS) {
      for (const a of fresh) this.ports.notifications.notify(anomalyMessage(a));
      return;
    }
    const latest = fresh.reduce((a, b) => (b.date > a.date ? b : a));
    this.ports.notifications.notify({
      title: `${fresh.length} unusual days in your analytics`,
      body: `The latest: ${anomalyMessage(latest).body} See Analytics for all of them.`,
    });
  }
}

/**
 * Engagements of the posts published each local day, for the days that had posts, up to `lastDay`.
 * Days without posts are left out: "no post, no engagement" is a posting gap (which the follower
 * series and the likely cause speak to), not an engagement drop.
 */
export function engagementSeries(posts: readonly Dated[], lastDay: string): DailyPoint[] {
  const byDay = new Map<string, number>();
  for (const p of posts) {
    if (p.day > lastDay) continue;
    byDay.set(p.day, (byDay.get(p.day) ?? 0) + p.post.engagements);
  }
  return [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, value]) => ({ date, value }));
}
