import { ContractError } from '../../../shared/contract/errors';
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
import { ACCOUNT_INTERVAL_MS, STOP_AFTER_MS, nextPullAt, pullIntervalMs } from './metrics-schedule';

export interface MetricsDeps {
  database: AppDatabase;
  clock: ClockPort;
  logger: Logger;
  events: EventBus;
  /** The creator's time zone (followers are kept per local day). */
  profile: { get(): Promise<{ timezone: string } | null> };
  ports: Pick<QueuePorts, 'connectors' | 'tokens'>;
}

export interface MetricsOptions {
  /** The longest the timer sleeps before looking again (default 15 min real). */
  maxSleepMs?: number;
  /** How long to wait after a network or server error before trying the account again (default 5 min). */
  retryWaitMs?: number;
  /** How long to wait on a 429 that gave no reset time (default 15 min). */
  rateLimitFallbackMs?: number;
  /** How often an account's followers are read (default 6 h). */
  accountIntervalMs?: number;
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

interface Candidate {
  id: number;
  post_id: string;
  platform: string;
  external_id: string;
  account_id: string;
  published_at: string;
  metrics_at: string | null;
}

interface AccountInfo {
  id: string;
  platform: string;
  token_status: string | null;
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
 * Pulls published posts' counts and connected accounts' followers into the analytics tables, on a
 * schedule that ages with the post (hourly for 48 h, daily until 30 days, weekly until 90 days).
 * Respects the rate limits the queue and this collector record, reads tokens only through the
 * accounts domain's tokens port, and never disconnects an account on a transient error.
 */
export class MetricsCollector {
  private readonly analytics: AnalyticsRepository;
  private readonly maxSleepMs: number;
  private readonly retryWaitMs: number;
  private readonly rateLimitFallbackMs: number;
  private readonly accountIntervalMs: number;
  /** When each account's followers were last asked for (a platform may give none). */
  private readonly accountAsked = new Map<string, number>();
  /** Accounts waiting after an error (ms epoch), kept in memory: a restart simply tries again. */
  private readonly accountWaits = new Map<string, { until: number; reason: string }>();
  /** Publications the platform did not return last time: left until their next interval. */
  private readonly publicationWaits = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly deps: MetricsDeps,
    options: MetricsOptions = {},
  ) {
    this.analytics = new AnalyticsRepository(deps.database.db, deps.clock);
    this.maxSleepMs = options.maxSleepMs ?? 15 * 60_000;
    this.retryWaitMs = options.retryWaitMs ?? 5 * 60_000;
    this.rateLimitFallbackMs = options.rateLimitFallbackMs ?? 15 * 60_000;
    this.accountIntervalMs = options.accountIntervalMs ?? ACCOUNT_INTERVAL_MS;
  }

  /** Starts the timer (the app); tests call `pullDue` by hand. */
  startTimer(): void {
    this.stopped = false;
    this.arm(0);
  }

  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.running.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Pulls everything that is due now. */
  pullDue(): Promise<PullResult> {
    return this.serial(() => this.pull({ force: false }));
  }

  /** Pulls now regardless of the schedule (one post's publications, or every one under 90 days). */
  async refresh(postId?: string): Promise<PullResult> {
    if (postId !== undefined) {
      const post = await this.deps.database.db
        .selectFrom('posts')
        .select('id')
        .where('id', '=', postId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!post) throw new ContractError('NOT_FOUND', 'That post does not exist (it may have been deleted)');
    }
    return this.serial(() => this.pull({ force: true, postId }));
  }

  /** The next instant something is due (ISO), or null when nothing will be. */
  async nextDueAt(): Promise<string | null> {
    const now = this.deps.clock.now();
    const candidates = await this.candidates(now);
    const accounts = await this.connectedAccounts();
    let next: number | null = null;
    const consider = (ms: number): void => {
      next = next === null ? ms : Math.min(next, ms);
    };
    const blocked = new Map<string, number>();
    for (const account of accounts) {
      const until = await this.blockedUntil(account.id, now);
      if (until !== null) blocked.set(account.id, until);
      consider(Math.max(await this.accountDueAt(account.id, now), until ?? 0));
    }
    for (const row of candidates) {
      const due = this.dueAt(row);
      if (due !== null) consider(Math.max(due, blocked.get(row.account_id) ?? 0));
    }
    return next === null ? null : new Date(next).toISOString();
  }

  private serial(task: () => Promise<PullResult>): Promise<PullResult> {
    const run = this.running.then(task, task);
    this.running = run;
    return run;
  }

  private arm(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.pullDue();
    } catch (error) {
      this.deps.logger.error({ err: error }, 'metrics pull failed');
    }
    if (this.stopped) return;
    try {
      const next = await this.nextDueAt();
      const wait = next === null ? this.maxSleepMs : Date.parse(next) - this.deps.clock.now().getTime();
      this.arm(Math.min(this.maxSleepMs, Math.max(1_000, wait)));
    } catch (error) {
      this.deps.logger.error({ err: error }, 'metrics could not plan the next pull');
      this.arm(this.maxSleepMs);
    }
  }

  private dueAt(row: Candidate): number | null {
    const next = nextPullAt(row.published_at, row.metrics_at);
    if (next === null) return null;
    return Math.max(Date.parse(next), this.publicationWaits.get(row.id) ?? 0);
  }

  private async pull(options: { force: boolean; postId?: string }): Promise<PullResult> {
    const now = this.deps.clock.now();
    const nowMs = now.getTime();
    const result: PullResult = { snapshots: 0, accounts: 0, waiting: [] };
    const candidates = (await this.candidates(now, options.postId)).filter((row) => {
      if (options.force) return true;
      const due = this.dueAt(row);
      return due !== null && due <= nowMs;
    });
    const byAccount = new Map<string, Candidate[]>();
    for (const row of candidates) byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), row]);
    const accounts = await this.connectedAccounts();
    for (const account of accounts) {
      const rows = byAccount.get(account.id) ?? [];
      const followersDue =
        options.postId === undefined && (options.force || (await this.accountDueAt(account.id, now)) <= nowMs);
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
    const waiting = this.accountWaits.get(accountId);
    if (waiting && waiting.until > this.deps.clock.now().getTime()) {
      throw new AccountWait(new Date(waiting.until).toISOString(), waiting.reason);
    }
    this.accountWaits.delete(accountId);
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
      this.accountAsked.set(accountId, this.deps.clock.now().getTime());
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
          this.publicationWaits.set(row.id, nowMs + interval);
          continue;
        }
        this.publicationWaits.delete(row.id);
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
      this.accountWaits.set(accountId, { until: ms, reason });
      return new AccountWait(new Date(ms).toISOString(), reason);
    };
    switch (error.kind) {
      case 'rate_limited': {
        const reset = error.details.resetAt ? Date.parse(error.details.resetAt) : NaN;
        return wait(Number.isNaN(reset) ? now + this.rateLimitFallbackMs : reset, `rate limited by ${label}`);
      }
      case 'auth_revoked':
      case 'missing_scope':
        // The tokens port marks these itself when they come from it; from the platform, say so once.
        if (!error.details.status) return new AccountWait(null, 'needs a reconnect');
        await this.deps.ports.tokens.markNeedsReconnect(accountId, error.message);
        return new AccountWait(null, 'needs a reconnect');
      case 'auth_expired':
        // The refresh itself failed for a transient reason: the account stays connected.
        return wait(now + this.retryWaitMs, `${label} could not renew the token just now`);
      default:
        this.deps.logger.warn({ accountId, kind: error.kind }, 'metrics pull failed; will try again');
        return wait(now + this.retryWaitMs, `${label} did not answer (${error.kind})`);
    }
  }

  private async checkRateLimit(accountId: string, label: string): Promise<void> {
    const until = await this.blockedUntil(accountId, this.deps.clock.now());
    if (until !== null) throw new AccountWait(new Date(until).toISOString(), `rate limited by ${label}`);
  }

  /** The latest reset of an exhausted bucket of the account, if ahead (the rows the queue writes too). */
  private async blockedUntil(accountId: string, now: Date): Promise<number | null> {
    const row = await this.deps.database.db
      .selectFrom('rate_limits')
      .select((eb) => eb.fn.max('reset_at').as('at'))
      .where('account_id', '=', accountId)
      .where('remaining', '<=', 0)
      .where('reset_at', '>', now.toISOString())
      .executeTakeFirst();
    return row?.at ? Date.parse(row.at) : null;
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

  /** Live publications with an id on the platform, from a connected account, under 90 days old. */
  private async candidates(now: Date, postId?: string): Promise<Candidate[]> {
    const since = new Date(now.getTime() - STOP_AFTER_MS - ACCOUNT_INTERVAL_MS).toISOString();
    let query = this.deps.database.db
      .selectFrom('post_publications as pp')
      .innerJoin('accounts as a', 'a.id', 'pp.account_id')
      .innerJoin('posts as p', 'p.id', 'pp.post_id')
      .select([
        'pp.id',
        'pp.post_id',
        'pp.platform',
        'pp.external_id',
        'pp.account_id',
        'pp.published_at',
        'pp.metrics_at',
      ])
      .where('a.source', '=', 'connected')
      .where('pp.external_id', 'is not', null)
      .where('p.deleted_at', 'is', null)
      .where('pp.published_at', '>', since)
      .orderBy('pp.published_at');
    if (postId !== undefined) query = query.where('pp.post_id', '=', postId);
    const rows = await query.execute();
    return rows.filter((row): row is Candidate => row.external_id !== null && row.account_id !== null);
  }

  private async connectedAccounts(): Promise<AccountInfo[]> {
    return this.deps.database.db
      .selectFrom('accounts')
      .select(['id', 'platform', 'token_status'])
      .where('source', '=', 'connected')
      .orderBy('created_at')
      .execute();
  }

  /** When the account's followers are next due (ms): an interval after the last capture or ask. */
  private async accountDueAt(accountId: string, now: Date): Promise<number> {
    const row = await this.deps.database.db
      .selectFrom('account_metrics')
      .select((eb) => eb.fn.max('captured_at').as('at'))
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    const last = Math.max(row?.at ? Date.parse(row.at) : -Infinity, this.accountAsked.get(accountId) ?? -Infinity);
    return Number.isFinite(last) ? last + this.accountIntervalMs : now.getTime();
  }
}
