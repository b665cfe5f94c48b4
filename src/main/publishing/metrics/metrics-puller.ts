import { PLATFORM_LABELS, type Platform } from '../../../shared/domain/platform';
import { AnalyticsRepository } from '../../analytics/analytics.repository';
import { ZoneClock } from '../../analytics/zone-clock';
import type { EventBus } from '../../contract/event-bus';
import type { AppDatabase } from '../../db/database';
import type { ClockPort } from '../../platform/clock/types';
import type { Logger } from '../../platform/logger/logger';
import {
  type ConnectorContext,
  ConnectorError,
  type MetricCounts,
  type PlatformConnector,
  type RateLimitInfo,
} from '../providers/connector';
import type { QueuePorts } from '../queue/ports';
import type { Candidate, MetricsDue } from './metrics-due';
import { STOP_AFTER_MS, pullIntervalMs } from './metrics-schedule';

export interface PullerDeps {
  database: AppDatabase;
  clock: ClockPort;
  logger: Logger;
  events: EventBus;
  /** The creator's time zone (followers are kept per local day). */
  profile: { get(): Promise<{ timezone: string } | null> };
  ports: Pick<QueuePorts, 'connectors' | 'tokens'>;
}

export interface PullerSettings {
  retryWaitMs: number;
  rateLimitFallbackMs: number;
}

/** Ids per `postMetrics` call, as each platform's lookup allows (X: 100 per GET /2/tweets). */
const BATCH_SIZE: Partial<Record<Platform, number>> = { x: 100, mastodon: 40, bluesky: 25, threads: 50 };
const DEFAULT_BATCH = 50;

/** What one pull did; `waiting` says which accounts were left for later and why. */
export interface PullResult {
  snapshots: number;
  accounts: number;
  waiting: { accountId: string; platform: Platform; until: string | null; reason: string }[];
}

/** Why an account's pull stopped: wait until `until` (null: until the creator reconnects). */
class AccountWait extends Error {
  constructor(
    readonly until: string | null,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * One pull: each connected account's due publications in batches and its followers, stored as
 * snapshots; tokens only through the tokens port (one refresh on `auth_expired`), rate limits
 * respected and recorded, and a transient error only makes the account wait (never disconnects).
 */
export class MetricsPuller {
  private readonly analytics: AnalyticsRepository;

  constructor(
    private readonly deps: PullerDeps,
    private readonly due: MetricsDue,
    private readonly settings: PullerSettings,
  ) {
    this.analytics = new AnalyticsRepository(deps.database.db, deps.clock);
  }

  async pull(options: { force: boolean; postId?: string }): Promise<PullResult> {
    const now = this.deps.clock.now();
    const nowMs = now.getTime();
    const result: PullResult = { snapshots: 0, accounts: 0, waiting: [] };
    const candidates = (await this.due.candidates(now, options.postId)).filter((row) => {
      if (options.force) return true;
      const due = this.due.dueAt(row);
      return due !== null && due <= nowMs;
    });
    const byAccount = new Map<string, Candidate[]>();
    for (const row of candidates) byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), row]);
    const accounts = await this.due.connectedAccounts();
    for (const account of accounts) {
      const rows = byAccount.get(account.id) ?? [];
      const followersDue =
        options.postId === undefined && (options.force || (await this.due.accountDueAt(account.id, now)) <= nowMs);
      if (rows.length === 0 && !followersDue) continue;
      const platform = account.platform as Platform;
      const connector = this.deps.ports.connectors(platform);
      if (!connector) continue;
      if (account.token_status === 'needs_reconnect') {
        result.waiting.push({ accountId: account.id, platform, until: null, reason: 'needs a reconnect' });
        continue;
      }
      try {
        await this.pullAccount(account.id, platform, connector, rows, followersDue, result);
      } catch (error) {
        if (!(error instanceof AccountWait)) throw error;
        result.waiting.push({ accountId: account.id, platform, until: error.until, reason: error.reason });
      }
    }
    if (result.snapshots > 0 || result.accounts > 0) {
      this.deps.events.emit('analytics:changed', { reason: 'metrics' });
    }
    return result;
  }

  private async pullAccount(
    accountId: string,
    platform: Platform,
    connector: PlatformConnector,
    rows: Candidate[],
    followersDue: boolean,
    result: PullResult,
  ): Promise<void> {
    const label = PLATFORM_LABELS[platform];
    const waiting = this.due.accountWaits.get(accountId);
    if (waiting && waiting.until > this.deps.clock.now().getTime()) {
      throw new AccountWait(new Date(waiting.until).toISOString(), waiting.reason);
    }
    this.due.accountWaits.delete(accountId);
    const size = BATCH_SIZE[platform] ?? DEFAULT_BATCH;
    let context: ConnectorContext | null = null;
    for (let i = 0; i < rows.length; i += size) {
      await this.checkRateLimit(accountId, label);
      const batch = rows.slice(i, i + size);
      const ids = batch.map((row) => row.external_id);
      const [counts, used]: [Map<string, MetricCounts>, ConnectorContext] = await this.call(
        accountId,
        label,
        context,
        (c) => connector.postMetrics(c, ids),
      );
      context = used;
      result.snapshots += await this.store(batch, counts);
    }
    if (followersDue) {
      await this.checkRateLimit(accountId, label);
      const [metrics] = await this.call(accountId, label, context, (c) => connector.accountMetrics(c));
      this.due.accountAsked.set(accountId, this.deps.clock.now().getTime());
      if (metrics.followers !== null && (await this.storeFollowers(accountId, metrics.followers))) result.accounts += 1;
    }
  }

  /** Stores each returned count as a snapshot; ids left out wait for their next interval. */
  private async store(batch: Candidate[], counts: Map<string, MetricCounts>): Promise<number> {
    const capturedAt = this.deps.clock.now().toISOString();
    const nowMs = Date.parse(capturedAt);
    let stored = 0;
    await this.deps.database.transaction(async (tx) => {
      for (const row of batch) {
        const metrics = counts.get(row.external_id);
        if (!metrics) {
          const interval = pullIntervalMs(nowMs - Date.parse(row.published_at)) ?? STOP_AFTER_MS;
          this.due.publicationWaits.set(row.id, nowMs + interval);
          continue;
        }
        this.due.publicationWaits.delete(row.id);
        if (await this.analytics.recordSnapshot(row.id, capturedAt, metrics, tx)) stored += 1;
      }
    });
    return stored;
  }

  private async storeFollowers(accountId: string, followers: number): Promise<boolean> {
    const now = this.deps.clock.now();
    const profile = await this.deps.profile.get();
    const day = new ZoneClock(profile?.timezone ?? 'UTC').today(now);
    await this.deps.database.transaction((tx) =>
      this.analytics.upsertAccountDay(accountId, day, { followers }, now.toISOString(), tx),
    );
    return true;
  }

  /**
   * One connector call with the account's token: `auth_expired` refreshes once through the port,
   * and a second `auth_expired` (or `auth_revoked`) marks the account for a reconnect; rate limits,
   * network and server errors make the account wait. Rate-limit headers are recorded as they come.
   */
  private async call<T>(
    accountId: string,
    label: string,
    context: ConnectorContext | null,
    fn: (context: ConnectorContext) => Promise<T>,
  ): Promise<[T, ConnectorContext]> {
    const tokens = this.deps.ports.tokens;
    const limits: RateLimitInfo[] = [];
    const withLimits = (c: ConnectorContext): ConnectorContext => ({ ...c, onRateLimit: (info) => limits.push(info) });
    try {
      let ctx: ConnectorContext = context ?? (await tokens.context(accountId));
      try {
        return [await fn(withLimits(ctx)), ctx];
      } catch (error) {
        if (!(error instanceof ConnectorError) || error.kind !== 'auth_expired') throw error;
        await tokens.refresh(accountId);
        ctx = await tokens.context(accountId);
        try {
          return [await fn(withLimits(ctx)), ctx];
        } catch (again) {
          if (again instanceof ConnectorError && again.kind === 'auth_expired') {
            await tokens.markNeedsReconnect(accountId, `${label} still refused the token after a refresh.`);
            throw new AccountWait(null, 'needs a reconnect');
          }
          throw again;
        }
      }
    } catch (error) {
      throw await this.waitFor(accountId, label, error);
    } finally {
      await this.saveRateLimits(accountId, limits);
    }
  }

  private async waitFor(accountId: string, label: string, error: unknown): Promise<unknown> {
    if (error instanceof AccountWait || !(error instanceof ConnectorError)) return error;
    const now = this.deps.clock.now().getTime();
    const wait = (ms: number, reason: string): AccountWait => {
      this.due.accountWaits.set(accountId, { until: ms, reason });
      return new AccountWait(new Date(ms).toISOString(), reason);
    };
    switch (error.kind) {
      case 'rate_limited': {
        const reset = error.details.resetAt ? Date.parse(error.details.resetAt) : NaN;
        return wait(Number.isNaN(reset) ? now + this.settings.rateLimitFallbackMs : reset, `rate limited by ${label}`);
      }
      case 'auth_revoked':
      case 'missing_scope':
        // The tokens port marks these itself when they come from it; from the platform, say so once.
        if (!error.details.status) return new AccountWait(null, 'needs a reconnect');
        await this.deps.ports.tokens.markNeedsReconnect(accountId, error.message);
        return new AccountWait(null, 'needs a reconnect');
      case 'auth_expired':
        // The refresh itself failed for a transient reason: the account stays connected.
        return wait(now + this.settings.retryWaitMs, `${label} could not renew the token just now`);
      default:
        this.deps.logger.warn({ accountId, kind: error.kind }, 'metrics pull failed; will try again');
        return wait(now + this.settings.retryWaitMs, `${label} did not answer (${error.kind})`);
    }
  }

  private async checkRateLimit(accountId: string, label: string): Promise<void> {
    const until = await this.due.blockedUntil(accountId, this.deps.clock.now());
    if (until !== null) throw new AccountWait(new Date(until).toISOString(), `rate limited by ${label}`);
  }

  private async saveRateLimits(accountId: string, limits: RateLimitInfo[]): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    for (const info of limits) {
      const values = {
        limit_total: info.limit,
        remaining: info.remaining,
        reset_at: info.resetAt === null ? null : new Date(info.resetAt).toISOString(),
        updated_at: now,
      };
      await this.deps.database.db
        .insertInto('rate_limits')
        .values({ account_id: accountId, bucket: info.bucket, ...values })
        .onConflict((oc) => oc.columns(['account_id', 'bucket']).doUpdateSet(values))
        .execute();
    }
  }
}
