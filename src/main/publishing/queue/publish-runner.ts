import { randomUUID } from 'node:crypto';
import { PLATFORM_LABELS, type Platform } from '../../../shared/domain/platform';
import type { EventBus } from '../../contract/event-bus';
import type { AppDatabase } from '../../db/database';
import type { ClockPort } from '../../platform/clock/types';
import type { Logger } from '../../platform/logger/logger';
import type { NotificationsPort } from '../../platform/notifications/types';
import {
  type ConnectorContext,
  ConnectorError,
  type PlatformConnector,
  type PublishOutcome,
  type PublishRequest,
  type RateLimitInfo,
  type RemoteState,
} from '../providers/connector';
import { BACKOFF_BASE_MS, MAX_ATTEMPTS, OFFLINE_WAIT_MS, RATE_LIMIT_FALLBACK_MS, backoffMs } from './backoff';
import { isCrash } from './crash-signal';
import type { JobChanges, JobRepository, PublishJobRow } from './job.repository';
import { commitPublished, LeaseLost } from './publish-commit';
import { buildRequest } from './publish-request';
import type { QueuePorts } from './ports';

export interface RunnerOptions {
  /** This runner's lease owner id (random by default). */
  owner?: string;
  /** How long a lease lasts without a heartbeat (default 60 s of clock time). */
  leaseMs?: number;
  /** Jobs worked on at once (default 4). */
  concurrency?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  offlineWaitMs?: number;
  /** Clock milliseconds per real millisecond (1 in the app; more in a time-compressed benchmark). */
  timeScale?: number;
  /** The longest the timer sleeps before looking again (default 60 s real). */
  maxSleepMs?: number;
}

export interface RunnerDeps {
  database: AppDatabase;
  jobs: JobRepository;
  clock: ClockPort;
  logger: Logger;
  events: EventBus;
  notifications: NotificationsPort;
  dataDir: string;
  ports: QueuePorts;
}

type Phase = 'before-send' | 'send' | 'check' | 'poll';

/** A job the runner holds, with what it learned along the way. */
interface Work {
  row: PublishJobRow;
  accountId: string;
  connector: PlatformConnector;
  request: PublishRequest;
  rateLimits: RateLimitInfo[];
}

/**
 * The dispatcher loop: wakes at the next due time (a timer, not polling), takes due jobs under a
 * lease kept alive by a heartbeat, and moves each one step. The irreversible step (publish) is
 * preceded by a committed `sending`; anything that leaves its outcome open becomes
 * `outcome_unknown`, whose next step is `findExisting`, never another send.
 */
export class PublishRunner {
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly offlineWaitMs: number;
  private readonly timeScale: number;
  private readonly maxSleepMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;
  /** Set by a simulated crash: nothing more is written by this runner. */
  private dead = false;
  private readonly heartbeats = new Set<NodeJS.Timeout>();
  /** Changes learned while preparing a job, written with its next write. */
  private readonly unsaved = new Map<string, JobChanges>();

  constructor(
    private readonly deps: RunnerDeps,
    options: RunnerOptions = {},
  ) {
    this.owner = options.owner ?? randomUUID();
    this.leaseMs = options.leaseMs ?? 60_000;
    this.concurrency = options.concurrency ?? 4;
    this.maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
    this.backoffBaseMs = options.backoffBaseMs ?? BACKOFF_BASE_MS;
    this.offlineWaitMs = options.offlineWaitMs ?? OFFLINE_WAIT_MS;
    this.timeScale = options.timeScale ?? 1;
    this.maxSleepMs = options.maxSleepMs ?? 60_000;
  }

  get isDead(): boolean {
    return this.dead;
  }

  /** Starts the timer loop (the app); tests call `runDue` by hand instead. */
  startTimer(): void {
    this.stopped = false;
    this.wake();
  }

  /** Looks again soon (a job was queued or changed). */
  wake(): void {
    if (this.stopped || this.dead) return;
    this.arm(0);
  }

  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const beat of this.heartbeats) clearInterval(beat);
    this.heartbeats.clear();
    return this.running
      ? this.running.then(
          () => undefined,
          () => undefined,
        )
      : Promise.resolve();
  }

  /**
   * Works every job that is due now, until none is left; returns how many steps ran. A simulated
   * crash rejects with the CrashSignal and leaves the runner dead.
   */
  async runDue(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async loop(): Promise<number> {
    let steps = 0;
    do {
      this.again = false;
      for (;;) {
        if (this.dead) return steps;
        const now = this.now();
        const recovered = await this.deps.jobs.recoverExpired(now);
        const touched = [...recovered.requeued, ...recovered.unknown];
        if (touched.length > 0) this.changed(touched, 'recovered');
        const claimed = await this.deps.jobs.claimDue(this.owner, now, this.leaseUntil(), this.concurrency);
        if (claimed.length === 0) break;
        const results = await Promise.allSettled(claimed.map((row) => this.step(row)));
        steps += claimed.length;
        for (const result of results) if (result.status === 'rejected') throw result.reason;
      }
    } while (this.again && !this.dead);
    return steps;
  }

  private arm(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.runDue();
    } catch (error) {
      if (isCrash(error)) return;
      this.deps.logger.error({ err: error }, 'publish queue step failed');
    }
    if (this.stopped || this.dead) return;
    try {
      const next = await this.deps.jobs.nextWakeAt();
      if (next === null) {
        this.arm(this.maxSleepMs);
        return;
      }
      const clockMs = Date.parse(next) - this.deps.clock.now().getTime();
      this.arm(Math.min(this.maxSleepMs, Math.max(0, Math.ceil(clockMs / this.timeScale))));
    } catch (error) {
      this.deps.logger.error({ err: error }, 'publish queue could not plan its next wake');
      this.arm(this.maxSleepMs);
    }
  }

  /** One step of one leased job, by its status. */
  private async step(row: PublishJobRow): Promise<void> {
    const beat = setInterval(
      () => {
        if (this.dead) return;
        void this.deps.jobs.extendLease(row.id, this.owner, this.leaseUntil()).catch(() => undefined);
      },
      Math.max(1, Math.floor(this.leaseMs / 3 / this.timeScale)),
    );
    beat.unref();
    this.heartbeats.add(beat);
    let phase: Phase =
      row.status === 'outcome_unknown' ? 'check' : row.status === 'pending_remote' ? 'poll' : 'before-send';
    let work: Work | null = null;
    try {
      work = await this.prepare(row);
      if (!work) return;
      if (phase === 'check') await this.check(work);
      else if (phase === 'poll') await this.poll(work);
      else {
        phase = 'send';
        await this.send(work);
      }
    } catch (error) {
      if (isCrash(error)) {
        this.die();
        throw error;
      }
      if (error instanceof LeaseLost) {
        this.deps.logger.warn({ jobId: row.id }, 'publish job lease lost; another runner has it');
        return;
      }
      // Thrown before the job was marked sending: nothing reached the platform.
      if (phase === 'send' && work?.row.status !== 'sending') phase = 'before-send';
      await this.handleError(work?.row ?? row, error, phase);
    } finally {
      this.unsaved.delete(row.id);
      clearInterval(beat);
      this.heartbeats.delete(beat);
      if (work && work.rateLimits.length > 0 && !this.dead) await this.saveRateLimits(work);
    }
  }

  /** Account, connector and request of a job; null when the job was settled here (failed, cancelled). */
  private async prepare(row: PublishJobRow): Promise<Work | null> {
    const platform = row.platform as Platform;
    const label = PLATFORM_LABELS[platform];
    const connector = this.deps.ports.connectors(platform);
    if (!connector) {
      await this.fail(row, 'unsupported', `Publishing to ${label} is not available in this version yet.`);
      return null;
    }
    let accountId = row.account_id;
    if (!accountId) {
      accountId = await this.deps.jobs.connectedAccount(platform);
      if (!accountId) {
        await this.fail(row, 'no_account', `No ${label} account is connected. Connect one in Accounts, then retry.`);
        return null;
      }
      // Saved with the job's next write (`sending` before any send), not a transaction of its own.
      this.unsaved.set(row.id, { account_id: accountId });
      row = { ...row, account_id: accountId };
    }
    const built = await buildRequest(
      this.deps.database.db,
      this.deps.jobs,
      this.deps.dataDir,
      row.post_id,
      row.idempotency_key,
    );
    if (!built || (built.deleted && row.status === 'leased')) {
      await this.write(
        row,
        { status: 'cancelled', lease_owner: null, lease_expires_at: null },
        'cancelled',
        'The post was deleted',
      );
      return null;
    }
    const request = built.request;
    return { row, accountId, connector, request, rateLimits: [] };
  }

  private async send(work: Work): Promise<void> {
    const { row } = work;
    const blocked = await this.deps.jobs.blockedUntil(work.accountId, this.now());
    if (blocked) {
      await this.release(
        row,
        { status: 'queued', next_attempt_at: blocked },
        'waiting_rate_limit',
        `Rate limit; sending after ${blocked}`,
      );
      return;
    }
    const errors = work.connector.validate(work.request).filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      await this.fail(row, 'invalid', errors.map((f) => f.message).join(' '));
      return;
    }
    let context = await this.deps.ports.tokens.context(work.accountId);
    this.deps.ports.faults?.beforeSending?.(row);
    const attempts = row.attempts + 1;
    await this.write(row, { status: 'sending', attempts, next_attempt_at: null }, 'sending', `Attempt ${attempts}`);
    work.row = { ...row, status: 'sending', attempts };
    this.changed([work.row], 'sending');
    let outcome: PublishOutcome;
    try {
      outcome = await work.connector.publish(this.withRateLimits(context, work), work.request);
    } catch (error) {
      // A 401 means the platform refused the post: refresh the token once and send again.
      if (!(error instanceof ConnectorError) || error.kind !== 'auth_expired') throw error;
      context = await this.refreshOnce(work, error);
      outcome = await work.connector.publish(this.withRateLimits(context, work), work.request);
    }
    await this.settle(work, outcome);
  }

  private async check(work: Work): Promise<void> {
    const since = work.row.created_at;
    const found = await this.withRefresh(work, (ctx) => work.connector.findExisting(ctx, work.request, since));
    if (found) {
      await this.settle(work, { status: 'published', ...found });
      return;
    }
    if (work.row.attempts >= this.maxAttempts) {
      await this.fail(
        work.row,
        work.row.error_kind ?? 'server',
        `Gave up after ${work.row.attempts} attempts: ${work.row.last_error ?? 'the platform kept failing'}`,
      );
      return;
    }
    await this.release(
      work.row,
      { status: 'queued', next_attempt_at: this.now() },
      'not_on_platform',
      'The post is not on the platform; sending again',
    );
  }

  private async poll(work: Work): Promise<void> {
    const remote = JSON.parse(work.row.remote_state ?? '{}') as RemoteState;
    const outcome = await this.withRefresh(work, (ctx) => work.connector.checkStatus(ctx, remote));
    await this.settle(work, outcome);
  }

  private async settle(work: Work, outcome: PublishOutcome): Promise<void> {
    const { row } = work;
    if (outcome.status === 'pending') {
      await this.release(
        row,
        {
          status: 'pending_remote',
          remote_state: JSON.stringify(outcome.remote),
          next_attempt_at: this.after(outcome.checkAfterMs),
        },
        'pending_remote',
        'The platform is processing the post',
      );
      return;
    }
    this.deps.ports.faults?.beforeCommit?.(row);
    this.guard();
    const label = PLATFORM_LABELS[row.platform as Platform];
    const limits = [...work.rateLimits];
    await commitPublished(
      this.deps.database,
      this.deps.jobs,
      this.deps.clock,
      row,
      this.owner,
      outcome,
      work.request,
      () => {
        this.deps.events.emit('publishing:changed', { jobIds: [row.id], postIds: [row.post_id], reason: 'published' });
        this.deps.events.emit('posts:changed', { ids: [row.post_id], reason: 'published' });
        this.deps.events.emit('analytics:changed', { reason: 'published' });
        this.deps.notifications.notify({
          title: `Published on ${label}`,
          body: outcome.url ? `Your post is live: ${outcome.url}` : 'Your post is live.',
        });
      },
      async (tx, now) => {
        for (const info of limits) await this.deps.jobs.saveRateLimit(work.accountId, info, now, tx);
      },
    );
    // Saved with the publish; anything reported after this point is saved when the step ends.
    work.rateLimits.splice(0, limits.length);
  }

  private async handleError(row: PublishJobRow, error: unknown, phase: Phase): Promise<void> {
    const kind = error instanceof ConnectorError ? error.kind : null;
    const message = error instanceof Error ? error.message : String(error);
    const label = PLATFORM_LABELS[row.platform as Platform];
    const stay =
      phase === 'check' || phase === 'poll' ? (row.status as 'outcome_unknown' | 'pending_remote') : 'queued';
    // A send that failed without an answer may still have reached the platform.
    const unknownAfterSend = phase === 'send' ? 'outcome_unknown' : stay;
    const base: JobChanges = { last_error: message, error_kind: kind ?? 'internal' };
    switch (kind) {
      case 'network':
      case 'timeout':
        await this.release(
          row,
          {
            ...base,
            status: unknownAfterSend,
            next_attempt_at: this.after(this.offlineWaitMs),
            // Offline is not the post's fault: the attempt is given back.
            attempts: phase === 'send' ? Math.max(0, row.attempts - 1) : row.attempts,
          },
          'waiting_network',
          phase === 'send'
            ? 'No answer from the platform; it will be checked when the network is back'
            : 'Offline; waiting for the network',
        );
        return;
      case 'rate_limited': {
        const resetAt =
          error instanceof ConnectorError && error.details.resetAt
            ? new Date(error.details.resetAt).toISOString()
            : this.after(RATE_LIMIT_FALLBACK_MS);
        if (row.account_id) {
          await this.deps.jobs.saveRateLimit(
            row.account_id,
            { bucket: 'publish', limit: null, remaining: 0, resetAt },
            this.now(),
          );
        }
        await this.release(
          row,
          {
            ...base,
            status: stay,
            next_attempt_at: resetAt,
            attempts: phase === 'send' ? Math.max(0, row.attempts - 1) : row.attempts,
          },
          'waiting_rate_limit',
          `Rate limited by ${label}; trying again after ${resetAt}`,
        );
        return;
      }
      case 'invalid':
      case 'not_found':
        if (phase === 'check' && kind === 'not_found') {
          await this.release(
            row,
            { ...base, status: 'queued', next_attempt_at: this.now() },
            'not_on_platform',
            'The post is not on the platform; sending again',
          );
          return;
        }
        await this.fail(row, kind, `${label} refused the post: ${message}`);
        return;
      case 'auth_expired':
      case 'auth_revoked':
      case 'missing_scope': {
        const reason = `${label} needs you to reconnect the account (${message}).`;
        if (row.account_id) await this.deps.ports.tokens.markNeedsReconnect(row.account_id, reason);
        if (phase === 'check' || phase === 'poll') {
          // The post may be on the platform: keep looking once the account is reconnected.
          await this.release(
            row,
            { ...base, status: stay, next_attempt_at: this.after(this.backoffBaseMs * 10) },
            'needs_reconnect',
            reason,
          );
          this.notifyFailure(row, reason);
          return;
        }
        // On send, a 401/403 is the platform refusing the post: nothing was published.
        await this.fail(row, kind, reason);
        return;
      }
      default: {
        if (kind === null) this.deps.logger.error({ err: error, jobId: row.id }, 'publish step failed unexpectedly');
        const attempts = row.attempts;
        if (phase !== 'send' && phase !== 'check' && phase !== 'poll' && attempts >= this.maxAttempts) {
          await this.fail(row, kind ?? 'internal', `${label} kept failing: ${message}`);
          return;
        }
        // A server error on send is checked before any resend: a 5xx may hide a created post.
        await this.release(
          row,
          {
            ...base,
            status: unknownAfterSend,
            next_attempt_at: this.after(backoffMs(Math.max(1, attempts), this.backoffBaseMs)),
          },
          'retry_later',
          `${label} failed (${message}); trying again later`,
        );
      }
    }
  }

  /** Runs a connector call, refreshing the token once on `auth_expired` (reads only: safe to repeat). */
  private async withRefresh<T>(work: Work, call: (ctx: ConnectorContext) => Promise<T>): Promise<T> {
    const context = await this.deps.ports.tokens.context(work.accountId);
    try {
      return await call(this.withRateLimits(context, work));
    } catch (error) {
      if (!(error instanceof ConnectorError) || error.kind !== 'auth_expired') throw error;
      const fresh = await this.refreshOnce(work, error);
      return call(this.withRateLimits(fresh, work));
    }
  }

  private async refreshOnce(work: Work, cause: ConnectorError): Promise<ConnectorContext> {
    await this.deps.jobs.addEvent(work.row.id, this.now(), 'refreshing_token', cause.message);
    await this.deps.ports.tokens.refresh(work.accountId);
    return this.deps.ports.tokens.context(work.accountId);
  }

  private withRateLimits(context: ConnectorContext, work: Work): ConnectorContext {
    return {
      ...context,
      onRateLimit: (info) => {
        work.rateLimits.push(info);
        context.onRateLimit?.(info);
      },
    };
  }

  private async saveRateLimits(work: Work): Promise<void> {
    const now = this.now();
    for (const info of work.rateLimits) await this.deps.jobs.saveRateLimit(work.accountId, info, now);
  }

  private async fail(row: PublishJobRow, kind: string, message: string): Promise<void> {
    await this.write(
      row,
      {
        status: 'failed',
        error_kind: kind,
        last_error: message,
        lease_owner: null,
        lease_expires_at: null,
        next_attempt_at: null,
      },
      'failed',
      message,
    );
    this.changed([row], 'failed');
    this.notifyFailure(row, message);
  }

  private notifyFailure(row: PublishJobRow, message: string): void {
    this.deps.notifications.notify({
      title: `Not published on ${PLATFORM_LABELS[row.platform as Platform]}`,
      body: message,
    });
  }

  /** Writes and lets go of the lease. */
  private async release(row: PublishJobRow, changes: JobChanges, step: string, detail: string): Promise<void> {
    await this.write(row, { ...changes, lease_owner: null, lease_expires_at: null }, step, detail);
    this.changed([row], step);
  }

  private async write(row: PublishJobRow, changes: JobChanges, step?: string, detail = ''): Promise<void> {
    this.guard();
    const now = this.now();
    const merged = { ...this.unsaved.get(row.id), ...changes, updated_at: now };
    await this.deps.database.transaction(async (tx) => {
      if (!(await this.deps.jobs.updateOwned(row.id, this.owner, merged, tx))) throw new LeaseLost(row.id);
      if (step) await this.deps.jobs.addEvent(row.id, now, step, detail, tx);
    });
    this.unsaved.delete(row.id);
  }

  private changed(rows: PublishJobRow[], reason: string): void {
    if (this.dead) return;
    this.deps.events.emit('publishing:changed', {
      jobIds: rows.map((r) => r.id),
      postIds: [...new Set(rows.map((r) => r.post_id))],
      reason,
    });
  }

  private guard(): void {
    if (this.dead) throw new LeaseLost('(runner stopped)');
  }

  private die(): void {
    this.dead = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const beat of this.heartbeats) clearInterval(beat);
    this.heartbeats.clear();
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  private after(ms: number): string {
    return new Date(this.deps.clock.now().getTime() + ms).toISOString();
  }

  private leaseUntil(): string {
    return this.after(this.leaseMs);
  }
}
