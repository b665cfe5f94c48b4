import { PLATFORM_LABELS, type Platform } from '../../../shared/domain/platform';
import type { EventBus } from '../../contract/event-bus';
import type { AppDatabase } from '../../db/database';
import type { ClockPort } from '../../platform/clock/types';
import type { NotificationsPort } from '../../platform/notifications/types';
import { GroupCommit, type WriteRunner } from './group-commit';
import type { JobChanges, JobRepository, PublishJobRow } from './job.repository';
import { LeaseLost } from './publish-commit';

export interface LeaseDeps {
  database: AppDatabase;
  jobs: JobRepository;
  clock: ClockPort;
  events: EventBus;
  notifications: NotificationsPort;
}

/**
 * The jobs a runner holds under its lease: every write checks the lease is still this runner's
 * (LeaseLost otherwise), lease heartbeats keep held jobs from being taken over, and a dead runner
 * (a simulated crash) writes nothing more.
 */
export class JobLease {
  /** Set by a simulated crash: nothing more is written by this runner. */
  dead = false;
  /** Counts releases: a released job may run again soon, so a planned wake-up made before is stale. */
  releases = 0;
  private readonly heartbeats = new Set<NodeJS.Timeout>();
  /** Changes learned while preparing a job, written with its next write. */
  private readonly unsaved = new Map<string, JobChanges>();
  /** Every job write of this runner: writes reached in the same turn share one commit. */
  readonly writes: WriteRunner;

  constructor(
    private readonly deps: LeaseDeps,
    readonly owner: string,
    readonly leaseMs: number,
    private readonly timeScale: number,
  ) {
    // A runner that crashed (simulated) commits nothing it had not committed already.
    this.writes = new GroupCommit(
      deps.database,
      () => !this.dead,
      () => new LeaseLost('(runner stopped)'),
    ).run;
  }

  /** Keeps the job's lease alive (every third of a lease) until the returned function is called. */
  heartbeat(row: PublishJobRow): () => void {
    const beat = setInterval(
      () => {
        if (this.dead) return;
        void this.deps.jobs.extendLease(row.id, this.owner, this.leaseUntil()).catch(() => undefined);
      },
      Math.max(1, Math.floor(this.leaseMs / 3 / this.timeScale)),
    );
    beat.unref();
    this.heartbeats.add(beat);
    return () => {
      this.unsaved.delete(row.id);
      clearInterval(beat);
      this.heartbeats.delete(beat);
    };
  }

  stopHeartbeats(): void {
    for (const beat of this.heartbeats) clearInterval(beat);
    this.heartbeats.clear();
  }

  /** Remembers a change to write with the job's next write (no transaction of its own). */
  remember(jobId: string, changes: JobChanges): void {
    this.unsaved.set(jobId, { ...this.unsaved.get(jobId), ...changes });
  }

  async fail(row: PublishJobRow, kind: string, message: string): Promise<void> {
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

  notifyFailure(row: PublishJobRow, message: string): void {
    this.deps.notifications.notify({
      title: `Not published on ${PLATFORM_LABELS[row.platform as Platform]}`,
      body: message,
    });
  }

  /** Writes and lets go of the lease. */
  async release(row: PublishJobRow, changes: JobChanges, step: string, detail: string): Promise<void> {
    await this.write(row, { ...changes, lease_owner: null, lease_expires_at: null }, step, detail);
    this.releases += 1;
    this.changed([row], step);
  }

  /** Writes the job (and its event) in one transaction, only while this runner holds it. */
  async write(row: PublishJobRow, changes: JobChanges, step?: string, detail = ''): Promise<void> {
    this.guard();
    const now = this.now();
    const merged = { ...this.unsaved.get(row.id), ...changes, updated_at: now };
    await this.writes(async (tx) => {
      if (!(await this.deps.jobs.updateOwned(row.id, this.owner, merged, tx))) throw new LeaseLost(row.id);
      if (step) await this.deps.jobs.addEvent(row.id, now, step, detail, tx);
    });
    this.unsaved.delete(row.id);
  }

  changed(rows: PublishJobRow[], reason: string): void {
    if (this.dead) return;
    this.deps.events.emit('publishing:changed', {
      jobIds: rows.map((r) => r.id),
      postIds: [...new Set(rows.map((r) => r.post_id))],
      reason,
    });
  }

  guard(): void {
    if (this.dead) throw new LeaseLost('(runner stopped)');
  }

  now(): string {
    return this.deps.clock.now().toISOString();
  }

  after(ms: number): string {
    return new Date(this.deps.clock.now().getTime() + ms).toISOString();
  }

  leaseUntil(): string {
    return this.after(this.leaseMs);
  }
}
