import { PLATFORM_LABELS, type Platform } from '../../../shared/domain/platform';
import type { EventBus } from '../../contract/event-bus';
import type { AppDatabase } from '../../db/database';
import type { ClockPort } from '../../platform/clock/types';
import type { NotificationsPort } from '../../platform/notifications/types';
import type { PublishOutcome, RemoteState } from '../providers/connector';
import type { ConnectorCalls } from './connector-calls';
import type { JobLease } from './job-lease';
import type { JobRepository } from './job.repository';
import type { QueuePorts } from './ports';
import { commitPublished } from './publish-commit';
import type { Work } from './step-work';

export interface SettleDeps {
  database: AppDatabase;
  jobs: JobRepository;
  clock: ClockPort;
  events: EventBus;
  notifications: NotificationsPort;
  /** Read at each step: tests set `faults` on the ports they attached. */
  ports: QueuePorts;
}

/**
 * Settles what a send left open: an `outcome_unknown` job is looked for on the platform (found:
 * published; not there: queued to send again, or failed after the last attempt), a
 * `pending_remote` one is polled, and a platform's answer is committed (published, or pending).
 */
export class OutcomeSettler {
  constructor(
    private readonly deps: SettleDeps,
    private readonly lease: JobLease,
    private readonly calls: ConnectorCalls,
    private readonly maxAttempts: number,
  ) {}

  /** `outcome_unknown`: the platform is asked for the post before anything is sent again. */
  async check(work: Work): Promise<void> {
    const since = work.row.created_at;
    const found = await this.calls.withRefresh(work, (ctx) => work.connector.findExisting(ctx, work.request, since));
    if (found) {
      await this.settle(work, { status: 'published', ...found });
      return;
    }
    if (work.row.attempts >= this.maxAttempts) {
      await this.lease.fail(
        work.row,
        work.row.error_kind ?? 'server',
        `Gave up after ${work.row.attempts} attempts: ${work.row.last_error ?? 'the platform kept failing'}`,
      );
      return;
    }
    await this.lease.release(
      work.row,
      { status: 'queued', next_attempt_at: this.lease.now() },
      'not_on_platform',
      'The post is not on the platform; sending again',
    );
  }

  /** `pending_remote`: the platform is still processing (media, containers). */
  async poll(work: Work): Promise<void> {
    const remote = JSON.parse(work.row.remote_state ?? '{}') as RemoteState;
    const outcome = await this.calls.withRefresh(work, (ctx) => work.connector.checkStatus(ctx, remote));
    await this.settle(work, outcome);
  }

  /** Records the platform's answer: pending (polled later) or published (one commit). */
  async settle(work: Work, outcome: PublishOutcome): Promise<void> {
    const { row } = work;
    if (outcome.status === 'pending') {
      await this.lease.release(
        row,
        {
          status: 'pending_remote',
          remote_state: JSON.stringify(outcome.remote),
          next_attempt_at: this.lease.after(outcome.checkAfterMs),
        },
        'pending_remote',
        'The platform is processing the post',
      );
      return;
    }
    this.deps.ports.faults?.beforeCommit?.(row);
    this.lease.guard();
    const label = PLATFORM_LABELS[row.platform as Platform];
    const limits = [...work.rateLimits];
    await commitPublished(
      this.deps.database,
      this.deps.jobs,
      this.deps.clock,
      row,
      this.lease.owner,
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
      this.lease.writes,
    );
    // Saved with the publish; anything reported after this point is saved when the step ends.
    work.rateLimits.splice(0, limits.length);
  }
}
