import { ContractError } from '../../shared/contract/errors';
import { PLATFORM_LABELS, type Platform } from '../../shared/domain/platform';
import type { Post } from '../../shared/domain/post';
import {
  type MissedPolicy,
  missedPolicySchema,
  type PublishEvent,
  type PublishJob,
  type PublishJobStatus,
} from '../../shared/domain/publishing';
import type { DomainDeps } from '../domain-deps';
import { newJobRow } from './new-job-row';
import { type JobRepository, type PublishJobRow, toJob } from './queue/job.repository';
import type { QueuePorts } from './queue/ports';
import { buildRequest } from './queue/publish-request';
import { notBefore, retryNote } from './retry-at';

/** The `settings` key for what happens to missed slots: 'ask' (default), 'post-now' or 'reschedule-next-free'. */
export const MISSED_SETTING_KEY = 'publishing.missed';
/** A queued job this late at startup was missed while the app was closed. */
export const DEFAULT_MISSED_AFTER_MINUTES = 15;

export interface PublishingServiceOptions {
  missedAfterMinutes?: number;
  /** The next free slot of a platform after an instant (planning); default: the same time a day later. */
  nextFreeSlot?: (platform: Platform, after: string) => Promise<string>;
}

/** Jobs a user may still change: nothing has been sent for them. */
const NOT_STARTED = ['queued', 'missed'] as const;

/**
 * The publishing channels' logic: queuing posts (now or at their time), listing jobs per post and
 * platform, cancelling, retrying and settling missed slots. The runner does the sending.
 */
export class PublishingService {
  private readonly missedAfterMs: number;

  constructor(
    private readonly deps: DomainDeps,
    private readonly jobs: JobRepository,
    private readonly queuePorts: () => QueuePorts | null,
    private readonly wake: () => void,
    private readonly options: PublishingServiceOptions = {},
  ) {
    this.missedAfterMs = (options.missedAfterMinutes ?? DEFAULT_MISSED_AFTER_MINUTES) * 60_000;
  }

  /** Queues the post on its platforms now, after each platform's rules accepted it. */
  async publishNow(postId: string, platforms?: Platform[]): Promise<PublishJob[]> {
    const post = await this.requirePost(postId);
    const targets = platforms ?? post.platforms;
    if (targets.length === 0) {
      throw new ContractError('VALIDATION_FAILED', 'Pick at least one platform for this post first', {
        issues: [{ path: ['platforms'], message: 'This post has no platforms' }],
      });
    }
    const outside = targets.filter((p) => !post.platforms.includes(p));
    if (outside.length > 0) {
      throw new ContractError(
        'VALIDATION_FAILED',
        `This post is not meant for ${outside.map((p) => PLATFORM_LABELS[p]).join(', ')}`,
        {
          issues: [{ path: ['platforms'], message: 'Add the platform to the post first' }],
        },
      );
    }
    await this.validate(post, targets);
    const jobs = await this.upsertJobs(post, targets, this.now(), 'now');
    this.wake();
    return jobs;
  }

  /** Queues a scheduled post for its time, one job per platform. */
  async enqueue(postId: string): Promise<PublishJob[]> {
    const post = await this.requirePost(postId);
    if (!post.scheduledAt)
      throw new ContractError('CONFLICT', 'This post has no scheduled time; schedule it first or publish it now');
    if (post.platforms.length === 0)
      throw new ContractError('CONFLICT', 'Pick at least one platform for this post first');
    const jobs = await this.upsertJobs(post, post.platforms, new Date(post.scheduledAt).toISOString(), 'scheduled');
    this.wake();
    return jobs;
  }

  async listJobs(filter: {
    postId?: string | undefined;
    status?: PublishJobStatus | undefined;
  }): Promise<PublishJob[]> {
    return (await this.jobs.list(filter)).map(toJob);
  }

  async getJob(jobId: string): Promise<{ job: PublishJob; events: PublishEvent[] }> {
    const row = await this.requireJob(jobId);
    return { job: toJob(row), events: await this.jobs.events(jobId) };
  }

  async cancelJob(jobId: string): Promise<PublishJob> {
    const row = await this.requireJob(jobId);
    if (row.status === 'cancelled') return toJob(row);
    const now = this.now();
    const ok = await this.jobs.updateIfStatus(jobId, [...NOT_STARTED, 'failed'], {
      status: 'cancelled',
      updated_at: now,
    });
    if (!ok) throw new ContractError('CONFLICT', this.busyMessage(row));
    await this.jobs.addEvent(jobId, now, 'cancelled', 'Cancelled by you');
    this.changed([row], 'cancelled');
    return toJob(await this.requireJob(jobId));
  }

  /** Settles a missed slot: send now, or move it to a new time (default: the platform's next free slot). */
  async resolveMissed(input: {
    jobId: string;
    action: 'post-now' | 'reschedule';
    at?: string | undefined;
  }): Promise<PublishJob> {
    const row = await this.requireJob(input.jobId);
    if (row.status !== 'missed') throw new ContractError('CONFLICT', 'This job is not waiting on a missed slot');
    await this.applyMissed(row, input.action === 'post-now' ? 'post-now' : 'reschedule-next-free', input.at);
    return toJob(await this.requireJob(input.jobId));
  }

  /**
   * Queues a failed or cancelled job again with the same idempotency key, now or at `at` (an
   * instant not in the past). A job that was ever sent is checked on the platform first (it may
   * have gone out), never sent blindly; with `at`, that check waits for the chosen time too.
   */
  async retryJob(jobId: string, at?: string): Promise<PublishJob> {
    const row = await this.requireJob(jobId);
    if (row.status !== 'failed' && row.status !== 'cancelled') {
      throw new ContractError('CONFLICT', 'Only a failed or cancelled job can be retried');
    }
    const now = this.now();
    const when = at === undefined ? null : notBefore(at, now);
    const status = row.attempts > 0 ? 'outcome_unknown' : 'queued';
    // A queued job at a chosen time is a scheduled slot (next_attempt_at null), so one the app
    // sleeps through is reported as missed like any other; a re-check keeps its own run time.
    const timing =
      when === null
        ? { due_at: row.due_at > now ? now : row.due_at, next_attempt_at: now }
        : { due_at: when, next_attempt_at: status === 'queued' ? null : when };
    try {
      await this.jobs.updateIfStatus(jobId, ['failed', 'cancelled'], {
        status,
        attempts: 0,
        ...timing,
        last_error: null,
        error_kind: null,
        updated_at: now,
      });
    } catch (error) {
      if (String(error).includes('UNIQUE')) {
        throw new ContractError(
          'CONFLICT',
          `This post already has another ${PLATFORM_LABELS[row.platform as Platform]} job`,
        );
      }
      throw error;
    }
    await this.jobs.addEvent(jobId, now, 'retry', retryNote(status, when));
    this.changed([row], 'retry');
    this.wake();
    return toJob(await this.requireJob(jobId));
  }

  /** At startup: queued jobs far past their time were missed while the app was closed. */
  async markMissed(): Promise<number> {
    const now = this.deps.ports.clock.now();
    const cutoff = new Date(now.getTime() - this.missedAfterMs).toISOString();
    const missed = await this.jobs.missedSince(cutoff);
    if (missed.length === 0) return 0;
    const at = now.toISOString();
    for (const row of missed) {
      if (!(await this.jobs.updateIfStatus(row.id, ['queued'], { status: 'missed', updated_at: at }))) continue;
      await this.jobs.addEvent(row.id, at, 'missed', `Was due at ${row.due_at} while Cadence was closed`);
    }
    const policy = await this.missedPolicy();
    if (policy === 'ask') {
      this.deps.ports.notifications.notify({
        title: 'Posts missed their time',
        body: `${missed.length} post${missed.length === 1 ? '' : 's'} missed ${missed.length === 1 ? 'its' : 'their'} time while Cadence was closed. Open the queue to post now or reschedule.`,
      });
    } else {
      for (const row of missed) await this.applyMissed({ ...row, status: 'missed' }, policy);
    }
    this.changed(missed, 'missed');
    return missed.length;
  }

  /** Keeps a scheduled post's jobs in step with the post (scheduled, moved, unscheduled, deleted). */
  async syncPost(postId: string): Promise<void> {
    const post = await this.deps.posts.repository.findById(postId);
    const live = await this.deps.database.db
      .selectFrom('publish_jobs')
      .selectAll()
      .where('post_id', '=', postId)
      .where('status', 'in', NOT_STARTED)
      .execute();
    const now = this.now();
    if (post && !post.deletedAt && post.status === 'scheduled' && post.scheduledAt && post.platforms.length > 0) {
      const dropped = live.filter((j) => !post.platforms.includes(j.platform as Platform));
      await this.cancelAll(dropped, 'The platform was removed from the post');
      await this.upsertJobs(post, post.platforms, new Date(post.scheduledAt).toISOString(), 'scheduled');
      this.wake();
      return;
    }
    if (post?.status === 'published') return;
    // Unscheduled or deleted: scheduled jobs go (a publish-now job, due already, stays unless the post is gone).
    const gone = !post || post.deletedAt !== null;
    await this.cancelAll(
      live.filter((j) => gone || j.due_at > now),
      gone ? 'The post was deleted' : 'The post was taken off the calendar',
    );
  }

  private async cancelAll(rows: PublishJobRow[], reason: string): Promise<void> {
    if (rows.length === 0) return;
    const now = this.now();
    for (const row of rows) {
      if (await this.jobs.updateIfStatus(row.id, NOT_STARTED, { status: 'cancelled', updated_at: now })) {
        await this.jobs.addEvent(row.id, now, 'cancelled', reason);
      }
    }
    this.changed(rows, 'cancelled');
  }

  private async applyMissed(row: PublishJobRow, action: Exclude<MissedPolicy, 'ask'>, at?: string): Promise<void> {
    const now = this.now();
    if (action === 'post-now') {
      await this.jobs.updateIfStatus(row.id, ['missed'], { status: 'queued', next_attempt_at: now, updated_at: now });
      await this.jobs.addEvent(row.id, now, 'posting_now', 'Missed slot: posting now');
    } else {
      const when = at ? new Date(at).toISOString() : await this.nextFree(row.platform as Platform, now);
      await this.jobs.updateIfStatus(row.id, ['missed'], {
        status: 'queued',
        due_at: when,
        next_attempt_at: null,
        updated_at: now,
      });
      await this.jobs.addEvent(row.id, now, 'rescheduled', `Missed slot: moved to ${when}`);
    }
    this.changed([row], action);
    this.wake();
  }

  private async nextFree(platform: Platform, after: string): Promise<string> {
    if (this.options.nextFreeSlot) return new Date(await this.options.nextFreeSlot(platform, after)).toISOString();
    return new Date(Date.parse(after) + 86_400_000).toISOString();
  }

  private async missedPolicy(): Promise<MissedPolicy> {
    const raw = await this.jobs.setting(MISSED_SETTING_KEY);
    if (raw === null) return 'ask';
    const parsed = missedPolicySchema.safeParse(parseJsonOr(raw));
    if (parsed.success) return parsed.data;
    this.deps.ports.logger.warn({ key: MISSED_SETTING_KEY }, 'stored missed-slot policy is not valid; asking instead');
    return 'ask';
  }

  private async validate(post: Post, platforms: Platform[]): Promise<void> {
    const ports = this.queuePorts();
    const unavailable = platforms.filter((p) => !ports?.connectors(p));
    if (unavailable.length > 0) {
      throw new ContractError(
        'UNAVAILABLE',
        `Publishing to ${unavailable.map((p) => PLATFORM_LABELS[p]).join(', ')} is not available in this version yet`,
      );
    }
    const built = await buildRequest(this.deps.database.db, this.jobs, this.deps.ports.dataDir, post.id, 'validation');
    if (!built) throw new ContractError('NOT_FOUND', 'That post does not exist (it may have been deleted)');
    const findings = platforms.flatMap((platform) =>
      ports!
        .connectors(platform)!
        .validate(built.request)
        .filter((f) => f.severity === 'error')
        .map((f) => ({ platform, message: f.message })),
    );
    if (findings.length > 0) {
      throw new ContractError(
        'VALIDATION_FAILED',
        findings.map((f) => `${PLATFORM_LABELS[f.platform]}: ${f.message}`).join(' '),
        { findings, issues: findings.map((f) => ({ path: ['platforms', f.platform], message: f.message })) },
      );
    }
  }

  /** One job per platform; an existing not-started job moves to the new time, a started one is left alone. */
  private async upsertJobs(
    post: Post,
    platforms: Platform[],
    dueAt: string,
    mode: 'now' | 'scheduled',
  ): Promise<PublishJob[]> {
    const now = this.now();
    const out: PublishJobRow[] = [];
    const changed: PublishJobRow[] = [];
    await this.deps.database.transaction(async (tx) => {
      for (const platform of platforms) {
        const live = await this.jobs.findLive(post.id, platform, tx);
        if (live) {
          if (live.status === 'published' && mode === 'now') {
            throw new ContractError('CONFLICT', `This post is already published on ${PLATFORM_LABELS[platform]}`, {
              jobId: live.id,
            });
          }
          // A scheduled job follows the post only when its calendar time moved: a time the creator
          // picked for this job, or a missed slot awaiting their choice, survives edits to the text.
          const follows =
            mode === 'now'
              ? live.due_at !== dueAt || live.status === 'missed'
              : (live.slot_at ?? live.due_at) !== dueAt;
          if ((NOT_STARTED as readonly string[]).includes(live.status) && follows) {
            await this.jobs.updateIfStatus(
              live.id,
              NOT_STARTED,
              { status: 'queued', due_at: dueAt, slot_at: dueAt, next_attempt_at: null, updated_at: now },
              tx,
            );
            await this.jobs.addEvent(
              live.id,
              now,
              mode === 'now' ? 'posting_now' : 'rescheduled',
              `Due at ${dueAt}`,
              tx,
            );
            changed.push(live);
          }
          out.push((await this.jobs.find(live.id, tx))!);
          continue;
        }
        const row = newJobRow({
          postId: post.id,
          platform,
          accountId: await this.jobs.connectedAccount(platform, tx),
          dueAt,
          now,
        });
        await this.jobs.insert(row, tx);
        await this.jobs.addEvent(row.id, now, 'queued', mode === 'now' ? 'Publish now' : `Scheduled for ${dueAt}`, tx);
        out.push(row);
        changed.push(row);
      }
    });
    if (changed.length > 0) this.changed(changed, 'queued');
    return out.map(toJob);
  }

  private busyMessage(row: PublishJobRow): string {
    const label = PLATFORM_LABELS[row.platform as Platform];
    if (row.status === 'published') return `This post is already published on ${label}`;
    return `This job is already being sent to ${label}; it cannot be cancelled now`;
  }

  private async requirePost(id: string): Promise<Post> {
    const post = await this.deps.posts.repository.findById(id);
    if (!post || post.deletedAt)
      throw new ContractError('NOT_FOUND', 'That post does not exist (it may have been deleted)');
    return post;
  }

  private async requireJob(id: string): Promise<PublishJobRow> {
    const row = await this.jobs.find(id);
    if (!row) throw new ContractError('NOT_FOUND', 'That publish job does not exist');
    return row;
  }

  private changed(rows: PublishJobRow[], reason: string): void {
    this.deps.events.emit('publishing:changed', {
      jobIds: rows.map((r) => r.id),
      postIds: [...new Set(rows.map((r) => r.post_id))],
      reason,
    });
  }

  private now(): string {
    return this.deps.ports.clock.now().toISOString();
  }
}

/** The JSON value stored in a setting, or the raw text when it is not JSON. */
function parseJsonOr(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
