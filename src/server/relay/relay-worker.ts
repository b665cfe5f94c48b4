import { randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { ConnectorRegistry } from '../../main/publishing/providers/registry';
import { defaultConnectorFactories } from '../../main/publishing/providers/registry.defaults';
import type { ServerDb } from '../db/schema';
import type { ServerMetrics } from '../observability/metrics';
import { RelayJobsRepository } from './relay-jobs.repository';
import { RelayCrash, type RelayFaults, RelayLeaseLost, RelayStep } from './relay-step';

export interface RelayWorkerDeps {
  db: Kysely<ServerDb>;
  privateKey: KeyObject;
  metrics: ServerMetrics;
  logger: Logger;
  now: () => Date;
}

export interface RelayWorkerOptions {
  /** This worker's lease owner id (random by default). */
  owner?: string;
  /** How long a lease lasts without a heartbeat (default 2 min). */
  leaseMs?: number;
  /** How often an idle worker looks for due jobs (default 1 s). */
  pollMs?: number;
  /** Jobs worked on at once (default 4). */
  concurrency?: number;
  maxAttempts?: number;
  /** First retry delay; doubles per attempt (default 30 s). */
  backoffBaseMs?: number;
  /** The platform connectors (the desktop's, with CADENCE_API_BASE_<PLATFORM> overrides). */
  connectors?: ConnectorRegistry;
  faults?: RelayFaults;
  allowPrivateHosts?: boolean;
}

/**
 * The relay's publisher: every instance where workers run has one. It polls for due jobs (one
 * indexed statement a second), leases them with `FOR UPDATE SKIP LOCKED` so instances never share
 * a job, keeps leases alive while it works, and runs each through RelayStep. A worker that stops
 * mid-send leaves its lease to run out; whoever takes the job over asks the platform first.
 */
export class RelayWorker {
  readonly owner: string;
  private readonly jobs: RelayJobsRepository;
  private readonly step: RelayStep;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = true;
  /** Set by a simulated crash: the worker writes nothing more. */
  private dead = false;

  constructor(
    private readonly deps: RelayWorkerDeps,
    options: RelayWorkerOptions = {},
  ) {
    this.owner = options.owner ?? `relay-${randomUUID()}`;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.concurrency = options.concurrency ?? 4;
    this.jobs = new RelayJobsRepository(deps.db);
    this.step = new RelayStep({
      db: deps.db,
      jobs: this.jobs,
      privateKey: deps.privateKey,
      connectors: options.connectors ?? new ConnectorRegistry({ factories: defaultConnectorFactories() }),
      metrics: deps.metrics,
      logger: deps.logger,
      now: deps.now,
      owner: this.owner,
      maxAttempts: options.maxAttempts ?? 5,
      backoffBaseMs: options.backoffBaseMs ?? 30_000,
      faults: options.faults,
      allowPrivateHosts: options.allowPrivateHosts ?? false,
    });
  }

  get isDead(): boolean {
    return this.dead;
  }

  start(): void {
    if (this.dead) return;
    this.stopped = false;
    this.arm(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Works every due job until none is left; returns how many steps ran. Tests drive it by hand. */
  async runDue(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.loop();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async loop(): Promise<number> {
    let steps = 0;
    while (!this.dead) {
      const now = this.deps.now();
      const claimed = await this.jobs.claimDue(
        this.owner,
        now,
        new Date(now.getTime() + this.leaseMs),
        this.concurrency,
      );
      if (claimed.length === 0) break;
      const results = await Promise.allSettled(claimed.map((row) => this.work(row)));
      steps += claimed.length;
      const crash = results.find((r) => r.status === 'rejected' && r.reason instanceof RelayCrash);
      if (crash) {
        this.dead = true;
        throw (crash as PromiseRejectedResult).reason;
      }
      if (claimed.length < this.concurrency) break;
    }
    return steps;
  }

  private async work(row: Parameters<RelayStep['run']>[0]): Promise<void> {
    const beat = setInterval(
      () => {
        if (this.dead) return;
        const until = new Date(this.deps.now().getTime() + this.leaseMs);
        void this.jobs.extendLease(row.id, this.owner, until).catch(() => undefined);
      },
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    beat.unref();
    try {
      await this.step.run(row);
    } catch (error) {
      if (error instanceof RelayCrash) {
        // The process "died": no heartbeat, no write; the lease runs out.
        this.dead = true;
        throw error;
      }
      if (error instanceof RelayLeaseLost) {
        this.deps.logger.warn({ relayJobId: row.id }, 'relay job lease lost; another worker has it');
        return;
      }
      this.deps.logger.error({ err: error, relayJobId: row.id }, 'relay step could not record its result');
    } finally {
      clearInterval(beat);
    }
  }

  private arm(delayMs: number): void {
    if (this.stopped || this.dead) return;
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
      if (error instanceof RelayCrash) return;
      this.deps.logger.error({ err: error }, 'relay worker pass failed');
    }
    this.arm(this.pollMs);
  }
}
