import type { AnalyticsOptionalRange, AnalyticsRange } from '../../shared/contract/analytics';
import { ContractError } from '../../shared/contract';
import type {
  AbPair,
  AnalyticsAnomaly,
  AnalyticsOverview,
  BestTimes,
  PostMetrics,
  PublishedPost,
  SuccessFactorsResult,
} from '../../shared/domain/analytics';
import type { Platform } from '../../shared/domain/platform';
import type { DomainDeps } from '../domain-deps';
import { AbPairs, type CreateAbPairInput } from './ab-pairs';
import { AnalyticsQueries, type PublicationQueryRow, type PublicationScope } from './analytics.queries';
import { AnomalyScanner } from './anomaly-scanner';
import { bestTimeSlots } from './best-time-slots';
import { followerGrowth } from './follower-growth';
import { formulaInfo } from './formulas';
import { engagementsOf, exposureOf } from './math/engagement';
import { addDays } from './math/growth';
import {
  byFormat,
  byHashtag,
  byPlatform,
  byWeekdayHour,
  MIN_EXPOSURE_FOR_RANKING,
  postTotals,
  rankedPosts,
} from './overview-groups';
import { metricValuesOf, toPublishedPost } from './published-post';
import { revenueSummary } from './revenue';
import { successEvidence } from './success-evidence';
import { DataVersionCache } from './data-version-cache';
import { ZoneClock } from './zone-clock';

/** Which publications: local days (both ends included, creator's zone), platforms, or given posts. */
export interface PublishedPostsFilter {
  from?: string | undefined;
  to?: string | undefined;
  platforms?: readonly Platform[] | undefined;
  postIds?: readonly string[] | undefined;
}

/**
 * Analytics over the creator's publications and accounts: the dashboard overview, per-post metrics,
 * A/B pairs, success factors, best times and anomalies. Other domains (reports, coach, calendar)
 * call the public methods directly; see README.md in this folder.
 */
export class AnalyticsService {
  private readonly queries: AnalyticsQueries;
  private readonly abPairs: AbPairs;
  private readonly scanner: AnomalyScanner;
  /** Kept while the zone stays the same, so its per-hour offset cache serves every query. */
  private zoneClock: ZoneClock | null = null;
  /** Model fits kept until the data changes (the coach and the dashboard ask for them often). */
  private readonly successCache = new DataVersionCache<SuccessFactorsResult>();
  /**
   * The overview's publications per range, kept until anything at all is written: the dashboard
   * asks for the same range again and again, and reading and mapping two years of rows costs more
   * than everything else it computes. Shared between answers, so never changed in place.
   */
  private readonly overviewPosts = new DataVersionCache<readonly PublishedPost[]>(8);

  constructor(private readonly deps: DomainDeps) {
    this.queries = new AnalyticsQueries(deps.database.db);
    this.abPairs = new AbPairs(deps.database.db, this.queries, deps.ports.clock);
    this.scanner = new AnomalyScanner(deps.database, this.queries, deps.ports, deps.events, () => this.zone());
  }

  /** The creator's time zone (UTC before onboarding). */
  async zone(): Promise<ZoneClock> {
    const profile = await this.deps.profile.get();
    const timezone = profile?.timezone ?? 'UTC';
    if (this.zoneClock?.timezone !== timezone) this.zoneClock = new ZoneClock(timezone);
    return this.zoneClock;
  }

  private scope(filter: PublishedPostsFilter, zone: ZoneClock): PublicationScope {
    return {
      fromUtc: filter.from === undefined ? undefined : zone.startOfDay(filter.from),
      toUtcExclusive: filter.to === undefined ? undefined : zone.startOfDay(addDays(filter.to, 1)),
      platforms: filter.platforms,
      postIds: filter.postIds,
    };
  }

  private async rows(filter: PublishedPostsFilter, zone: ZoneClock): Promise<PublicationQueryRow[]> {
    return this.queries.publications(this.scope(filter, zone));
  }

  /** One row per publication in the filter, oldest first, with each count, engagements and the rate. */
  async publishedPosts(filter: PublishedPostsFilter = {}): Promise<PublishedPost[]> {
    const zone = await this.zone();
    return (await this.rows(filter, zone)).map(toPublishedPost);
  }

  /** Everything the dashboard shows for a day range (see AnalyticsOverview). */
  async overview(range: AnalyticsRange): Promise<AnalyticsOverview> {
    const zone = await this.zone();
    const scope = this.scope(range, zone);
    const key = JSON.stringify([scope.fromUtc, scope.toUtcExclusive, scope.platforms]);
    const posts = await this.overviewPosts.get(key, await this.queries.changeVersion(), async () =>
      (await this.queries.publications(scope)).map(toPublishedPost),
    );
    const slots = posts.map((p) => zone.slot(p.publishedAt));
    const [accounts, points, revenue, abPairs] = await Promise.all([
      this.queries.accounts(range.platforms),
      this.queries.followerPoints(range.from, range.to, range.platforms),
      this.queries.revenue(scope.fromUtc as string, scope.toUtcExclusive as string, range.platforms),
      this.abPairs.summary(range.platforms),
    ]);
    const followers = followerGrowth(accounts, points, range.from, range.to);
    const ranked = rankedPosts(posts);
    return {
      range: { from: range.from, to: range.to, timezone: zone.timezone },
      totals: {
        ...postTotals(posts),
        followersStart: followers.followersStart,
        followersEnd: followers.followersEnd,
        followerGrowth: followers.followerGrowth,
        followerGrowthPercent: followers.followerGrowthPercent,
      },
      growth: { accounts: followers.accounts, total: followers.total },
      byPlatform: byPlatform(posts),
      byFormat: byFormat(posts),
      byWeekdayHour: byWeekdayHour(posts, slots),
      byHashtag: byHashtag(posts),
      topPosts: ranked.top,
      bottomPosts: ranked.bottom,
      minExposure: MIN_EXPOSURE_FOR_RANKING,
      revenue: revenueSummary(revenue),
      abPairs,
    };
  }

  /** Each publication of a post with its latest counts, rate, formula and every snapshot. */
  async postMetrics(postId: string): Promise<PostMetrics> {
    if (!(await this.queries.postExists(postId))) throw new ContractError('NOT_FOUND', 'That post was not found.');
    const rows = await this.queries.publications({ postIds: [postId] });
    const publications = await Promise.all(
      rows.map(async (row) => {
        const platform = row.platform as Platform;
        const snapshots = (await this.queries.snapshots(row.id)).map((s) => {
          const metrics = metricValuesOf(s);
          const exposure = exposureOf(platform, metrics, row.followers_at);
          const engagements = engagementsOf(platform, metrics);
          return {
            capturedAt: s.captured_at,
            ...metrics,
            engagements,
            engagementRate: exposure === null ? null : engagements / exposure.value,
          };
        });
        return {
          publication: toPublishedPost(row),
          metricsAt: row.metrics_at,
          formula: formulaInfo(platform),
          snapshots,
        };
      }),
    );
    return { postId, publications };
  }

  listAbPairs(): Promise<AbPair[]> {
    return this.abPairs.list();
  }

  createAbPair(input: CreateAbPairInput): Promise<AbPair> {
    return this.abPairs.create(input);
  }

  deleteAbPair(id: number): Promise<{ id: number }> {
    return this.abPairs.delete(id);
  }

  /** Which post features go with better engagement (or why there is not enough data yet). */
  async successFactors(filter: AnalyticsOptionalRange = {}): Promise<SuccessFactorsResult> {
    const zone = await this.zone();
    const key = JSON.stringify([zone.timezone, filter.from, filter.to, filter.platforms]);
    const version = await this.queries.dataVersion();
    return this.successCache.get(key, version, async () =>
      successEvidence(await this.rows(filter, zone), zone.timezone),
    );
  }

  /** Best posting slots for a platform: the creator's own data blended with published defaults. */
  async bestTimes(platform: Platform): Promise<BestTimes> {
    const zone = await this.zone();
    const posts = (await this.rows({ platforms: [platform] }, zone)).map(toPublishedPost);
    return bestTimeSlots(platform, posts, zone.timezone);
  }

  /** Scans for new anomalies now; returns those found for the first time (already notified). */
  scanAnomalies(): Promise<AnalyticsAnomaly[]> {
    return this.scanner.scan();
  }

  listAnomalies(filter: { from?: string; to?: string; includeDismissed?: boolean }): Promise<AnalyticsAnomaly[]> {
    return this.scanner.list(filter);
  }

  async dismissAnomaly(id: number): Promise<AnalyticsAnomaly> {
    const anomaly = await this.scanner.dismiss(id);
    if (!anomaly) throw new ContractError('NOT_FOUND', 'That anomaly no longer exists.');
    return anomaly;
  }
}
