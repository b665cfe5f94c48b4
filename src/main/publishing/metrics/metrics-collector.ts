import { ContractError } from '../../../shared/contract/errors';
import { MetricsDue } from './metrics-due';
import { MetricsPuller, type PullerDeps, type PullResult } from './metrics-puller';
import { ACCOUNT_INTERVAL_MS } from './metrics-schedule';

/** The collector needs what its puller needs. */
export type MetricsDeps = PullerDeps;

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

export type { PullResult };

/**
 * Pulls published posts' counts and connected accounts' followers into the analytics tables, on a
 * schedule that ages with the post (hourly for 48 h, daily until 30 days, weekly until 90 days).
 * Respects the rate limits the queue and this collector record, reads tokens only through the
 * accounts domain's tokens port, and never disconnects an account on a transient error.
 */
export class MetricsCollector {
  private readonly maxSleepMs: number;
  private readonly due: MetricsDue;
  private readonly puller: MetricsPuller;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly deps: MetricsDeps,
    options: MetricsOptions = {},
  ) {
    this.maxSleepMs = options.maxSleepMs ?? 15 * 60_000;
    this.due = new MetricsDue(deps.database, options.accountIntervalMs ?? ACCOUNT_INTERVAL_MS);
    this.puller = new MetricsPuller(deps, this.due, {
      retryWaitMs: options.retryWaitMs ?? 5 * 60_000,
      rateLimitFallbackMs: options.rateLimitFallbackMs ?? 15 * 60_000,
    });
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
    return this.serial(() => this.puller.pull({ force: false }));
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
    return this.serial(() => this.puller.pull({ force: true, postId }));
  }

  /** The next instant something is due (ISO), or null when nothing will be. */
  async nextDueAt(): Promise<string | null> {
    const next = await this.due.nextDueAt(this.deps.clock.now());
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
}
