import { randomUUID } from 'node:crypto';
import type { EventBus } from '../../contract/event-bus';
import type { AppDatabase } from '../../db/database';
import type { ClockPort } from '../../platform/clock/types';
import type { Logger } from '../../platform/logger/logger';
import type { NotificationsPort } from '../../platform/notifications/types';
import { BACKOFF_BASE_MS, MAX_ATTEMPTS, OFFLINE_WAIT_MS } from './backoff';
import { ConnectorCalls } from './connector-calls';
import { isCrash } from './crash-signal';
import { JobLease } from './job-lease';
import type { JobRepository, PublishJobRow } from './job.repository';
import { OutcomeSettler } from './outcome-settle';
import type { QueuePorts } from './ports';
import { LeaseLost } from './publish-commit';
import { JobSender } from './publish-send';
import { StepFailures } from './step-failure';
import type { Phase, Work } from './step-work';

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
  private readonly timeScale: number;
  private readonly maxSleepMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  /** Ends the loop's wait early (`wake()` while steps run). */
  private poke: (() => void) | null = null;
  /** Clock time of the last look for expired leases. */
  private recoveredAt: number | null = null;
  /** Bumped by `wake()`: something outside the runner queued or changed a job. */
  private wakes = 0;
  /**
   * The next wake-up looked up while steps ran, and what it was looked up after; reused (one
   * claim and one lookup less per job) until a wake or a release may have moved it.
   */
  private plan: { at: string | null; wakes: number; releases: number } | null = null;
  private stopped = false;
  private readonly lease: JobLease;
  private readonly calls: ConnectorCalls;
  private readonly settler: OutcomeSettler;
  private readonly sender: JobSender;
  private readonly failures: StepFailures;

  constructor(
    private readonly deps: RunnerDeps,
    options: RunnerOptions = {},
  ) {
    this.owner = options.owner ?? randomUUID();
    this.leaseMs = options.leaseMs ?? 60_000;
    this.concurrency = options.concurrency ?? 4;
    this.timeScale = options.timeScale ?? 1;
    this.maxSleepMs = options.maxSleepMs ?? 60_000;
    const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
    this.lease = new JobLease(deps, this.owner, this.leaseMs, this.timeScale);
    this.calls = new ConnectorCalls(deps.jobs, deps.ports.tokens, deps.clock);
    this.settler = new OutcomeSettler(deps, this.lease, this.calls, maxAttempts);
    this.sender = new JobSender(deps, this.lease, this.calls, this.settler);
    this.failures = new StepFailures({ ...deps, tokens: deps.ports.tokens }, this.lease, {
      maxAttempts,
      backoffBaseMs: options.backoffBaseMs ?? BACKOFF_BASE_MS,
      offlineWaitMs: options.offlineWaitMs ?? OFFLINE_WAIT_MS,
    });
  }

  private get dead(): boolean {
    return this.lease.dead;
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
    this.wakes += 1;
    this.poke?.();
    this.arm(0);
  }

  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lease.stopHeartbeats();
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
    // Asked to look now: whatever was planned is looked at again.
    this.plan = null;
    if (this.running) {
      this.again = true;
      this.poke?.();
      return this.running;
    }
    this.running = this.loop();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  /**
   * A pool, not batches: a slot freed by a finished step is filled at once, so a job that falls
   * due while a slow one is being sent waits for a free slot, not for the slowest of a batch.
   * While steps run, the loop also wakes at the next due time (or on `wake()`).
   */
  private async loop(): Promise<number> {
    let steps = 0;
    const inflight = new Set<Promise<void>>();
    let failure: { error: unknown } | null = null;
    try {
      do {
        this.again = false;
        for (;;) {
          // A stopped runner finishes what it holds and takes nothing new.
          if (this.dead || failure || this.stopped) break;
          const free = this.concurrency - inflight.size;
          let claimed: PublishJobRow[] = [];
          const now = this.now();
          const planned = this.planned();
          // Nothing can be due before the planned time: no claim to find that out.
          const nothingDue = planned !== undefined && (planned === null || planned > now);
          if (free > 0 && !nothingDue) {
            await this.recoverIfDue(now);
            claimed = await this.deps.jobs.claimDue(this.owner, now, this.leaseUntil(), free);
            for (const row of claimed) {
              const running: Promise<void> = this.step(row)
                .catch((error: unknown) => {
                  failure ??= { error };
                })
                .finally(() => inflight.delete(running));
              inflight.add(running);
            }
            steps += claimed.length;
            // Every slot filled: more may be due.
            if (claimed.length > 0 && claimed.length === free) continue;
            // Fewer than asked for: nothing else is due now, so the planned time (now past) is
            // stale. Kept, it would send the loop straight back to an empty claim (a write, with
            // its commit) on every timer tick until a step ends; the next due time is looked up.
            this.plan = null;
          }
          if (inflight.size === 0) break;
          await this.nextEvent(inflight, free > claimed.length);
        }
      } while (this.again && !this.dead && !failure);
    } finally {
      await Promise.all(inflight);
    }
    if (failure) throw (failure as { error: unknown }).error;
    return steps;
  }

  /**
   * Waits for a step to finish, a `wake()`, or, with a free slot, the next due time, whichever
   * comes first (never sleeps when nothing runs: `runDue` returns then).
   */
  private async nextEvent(inflight: Set<Promise<void>>, slotFree: boolean): Promise<void> {
    let timer: NodeJS.Timeout | null = null;
    const waits: Promise<unknown>[] = [...inflight, new Promise<void>((resolve) => (this.poke = resolve))];
    if (slotFree) {
      const next = await this.nextWakeAt();
      if (next !== null) {
        const delay = this.realDelay(next);
        waits.push(new Promise<void>((resolve) => (timer = setTimeout(resolve, delay))));
      }
    }
    try {
      await Promise.race(waits);
    } finally {
      this.poke = null;
      if (timer) clearTimeout(timer);
    }
  }

  /**
   * Expired leases are looked for at most every quarter lease of clock time (a stopped runner's
   * job waits a lease anyway): one query less on almost every pass of a busy queue.
   */
  private async recoverIfDue(now: string): Promise<void> {
    const at = Date.parse(now);
    if (this.recoveredAt !== null && at - this.recoveredAt < this.leaseMs / 4 && at >= this.recoveredAt) return;
    this.recoveredAt = at;
    const recovered = await this.deps.jobs.recoverExpired(now);
    const touched = [...recovered.requeued, ...recovered.unknown];
    if (touched.length > 0) {
      this.plan = null;
      this.changed(touched, 'recovered');
    }
  }

  /** The planned wake-up while still valid (null: nothing to do), undefined when it must be looked up. */
  private planned(): string | null | undefined {
    const plan = this.plan;
    if (!plan || plan.wakes !== this.wakes || plan.releases !== this.lease.releases) return undefined;
    return plan.at;
  }

  private async nextWakeAt(): Promise<string | null> {
    const planned = this.planned();
    if (planned !== undefined) return planned;
    const marks = { wakes: this.wakes, releases: this.lease.releases };
    const at = await this.deps.jobs.nextWakeAt();
    this.plan = { at, ...marks };
    return at;
  }

  private realDelay(at: string): number {
    const clockMs = Date.parse(at) - this.deps.clock.now().getTime();
    return Math.min(this.maxSleepMs, Math.max(0, Math.ceil(clockMs / this.timeScale)));
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
      const next = await this.nextWakeAt();
      if (next === null) {
        this.arm(this.maxSleepMs);
        return;
      }
      this.arm(this.realDelay(next));
    } catch (error) {
      this.deps.logger.error({ err: error }, 'publish queue could not plan its next wake');
      this.arm(this.maxSleepMs);
    }
  }

  /** One step of one leased job, by its status. */
  private async step(row: PublishJobRow): Promise<void> {
    const endLease = this.lease.heartbeat(row);
    let phase: Phase =
      row.status === 'outcome_unknown' ? 'check' : row.status === 'pending_remote' ? 'poll' : 'before-send';
    let work: Work | null = null;
    try {
      work = await this.sender.prepare(row);
      if (!work) return;
      if (phase === 'check') await this.settler.check(work);
      else if (phase === 'poll') await this.settler.poll(work);
      else {
        phase = 'send';
        await this.sender.send(work);
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
      await this.failures.handle(work?.row ?? row, error, phase);
    } finally {
      endLease();
      if (work && work.rateLimits.length > 0 && !this.dead) await this.calls.saveRateLimits(work);
    }
  }

  private die(): void {
    this.lease.dead = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lease.stopHeartbeats();
  }

  private changed(rows: PublishJobRow[], reason: string): void {
    this.lease.changed(rows, reason);
  }

  private now(): string {
    return this.lease.now();
  }

  private leaseUntil(): string {
    return this.lease.leaseUntil();
  }
}
