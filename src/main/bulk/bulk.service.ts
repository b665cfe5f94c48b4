import { randomUUID } from 'node:crypto';
import { ContractError } from '../../shared/contract/errors';
import {
  BULK_FORMATS,
  type BulkFormat,
  type BulkJob,
  type BulkJobDetail,
  type BulkJobStatus,
  type BulkPlanInput,
} from '../../shared/domain/bulk';
import type { Platform } from '../../shared/domain/platform';
import type { DomainDeps } from '../domain-deps';
import type { StudioBrand } from '../studio/studio.ports';
import { BulkRepository, type ItemChanges, type NewItem } from './bulk.repository';
import { BulkRunner } from './bulk.runner';
import { endOfWeeks, localTimeToUtc, planDays } from './plan-dates';
import { type HourSlot, hourFor } from './plan-hours';
import { planTopics } from './plan-topics';

/** Best posting slots per platform (AnalyticsService.bestTimes); absent or failing → 09:00. */
export type BestTimesPort = (platform: Platform) => Promise<{ slots: HourSlot[] }>;

export interface BulkOptions {
  bestTimes?: BestTimesPort;
  /** The brand voice applied to every item (brand domain); absent or failing → none. */
  voice?: StudioBrand;
  maxAttempts?: number;
  retryBaseMs?: number;
  /** The longest wait for an engine that refuses every call (default 30 s, the breaker's cool-down). */
  engineWaitMaxMs?: number;
}

export interface UpdateItemInput extends ItemChanges {
  itemId: number;
  remove?: true;
}

/** Bulk generation: plans from the cadence, editable items, and durable runs (see README.md). */
export class BulkService {
  readonly repository: BulkRepository;
  readonly runner: BulkRunner;

  constructor(
    private readonly deps: DomainDeps,
    private readonly options: BulkOptions = {},
  ) {
    this.repository = new BulkRepository(deps.database.db);
    this.runner = new BulkRunner({
      database: deps.database,
      repository: this.repository,
      llm: deps.llm,
      posts: deps.posts.repository,
      events: deps.events,
      clock: deps.ports.clock,
      logger: deps.ports.logger,
      notify: (jobId) => this.notify(jobId),
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
      ...(options.voice === undefined ? {} : { voice: options.voice }),
      ...(options.engineWaitMaxMs === undefined ? {} : { engineWaitMaxMs: options.engineWaitMaxMs }),
    });
  }

  /** Plans a job: one topic per cadence slot, posted on every chosen platform at its best hour. */
  async plan(input: BulkPlanInput): Promise<BulkJobDetail> {
    const profile = await this.deps.profile.get();
    if (!profile) {
      throw new ContractError('NOT_FOUND', 'Set up your profile first: a plan uses your time zone and posting days');
    }
    const timezone = profile.timezone;
    const days = planDays({
      from: input.from,
      to: input.to ?? endOfWeeks(input.from, input.weeks ?? 1),
      postsPerWeek: input.postsPerWeek,
      days: input.days ?? profile.cadence.days,
    });
    if (days.length === 0) throw new ContractError('CONFLICT', 'None of the posting days falls between those dates');
    const rotation: readonly BulkFormat[] = input.formats ?? BULK_FORMATS;
    const formats = days.map((_, i) => rotation[i % rotation.length]!);
    const { topics, label } = await planTopics(
      { llm: this.deps.llm, logger: this.deps.ports.logger },
      input.niche,
      formats,
    );
    const hours = await this.hoursByPlatform(input.platforms);
    const [fixedHour, fixedMinute] = input.time ? input.time.split(':').map(Number) : [];
    const items: NewItem[] = [];
    days.forEach((day, i) => {
      for (const platform of input.platforms) {
        const hour = fixedHour ?? hourFor(hours.get(platform) ?? [], day.weekday, day.index);
        items.push({
          position: items.length,
          platform,
          topic: topics[i]!,
          format: formats[i]!,
          dueAt: localTimeToUtc(day.date, hour, fixedMinute ?? 0, timezone),
        });
      }
    });
    const id = randomUUID();
    const now = this.now();
    await this.deps.database.transaction(async (tx) => {
      await this.repository.insertJob(
        { id, stored: { request: input, topics: label, timezone }, concurrency: input.concurrency ?? 1, now },
        items,
        tx,
      );
    });
    this.deps.ports.logger.info({ jobId: id, items: items.length, topics: label.source }, 'bulk: job planned');
    await this.notify(id);
    return this.getJob(id);
  }

  /** Edits or removes a pending item, so the plan can be changed before (or while) it runs. */
  async updateItem(input: UpdateItemInput): Promise<BulkJobDetail> {
    const item = await this.repository.findItem(input.itemId);
    if (!item) throw new ContractError('NOT_FOUND', 'That plan item does not exist (it may have been removed)');
    const { itemId, remove, ...changes } = input;
    const ok = remove
      ? await this.repository.deletePendingItem(itemId)
      : await this.repository.updatePendingItem(itemId, changes);
    if (!ok) {
      throw new ContractError('CONFLICT', `This item is ${item.status} now; only items still waiting can be changed`);
    }
    await this.repository.touchJob(item.jobId, this.now());
    await this.notify(item.jobId);
    return this.getJob(item.jobId);
  }

  async start(jobId: string): Promise<BulkJob> {
    await this.move(jobId, ['planned'], 'running', 'Only a planned job can be started');
    void this.runner.run(jobId);
    return this.requireJob(jobId);
  }

  /** Running items finish (and keep their posts); no new item starts. */
  async pause(jobId: string): Promise<BulkJob> {
    await this.move(jobId, ['running'], 'paused', 'Only a running job can be paused');
    return this.requireJob(jobId);
  }

  async resume(jobId: string): Promise<BulkJob> {
    await this.move(jobId, ['paused'], 'running', 'Only a paused job can be resumed');
    void this.runner.run(jobId);
    return this.requireJob(jobId);
  }

  /**
   * Failed items go back to 'pending' with fresh attempts. A finished job runs again; a running or
   * paused one picks them up when it gets to them. A cancelled job stays cancelled (CONFLICT).
   */
  async retryFailed(jobId: string): Promise<BulkJob> {
    const outcome = await this.deps.database.transaction(async (tx) => {
      const job = await this.repository.findJob(jobId, tx);
      if (!job) return 'missing' as const;
      if (job.status === 'cancelled' || job.status === 'planned') return 'refused' as const;
      const requeued = await this.repository.requeueFailed(jobId, tx);
      if (requeued > 0 && (job.status === 'done' || job.status === 'failed')) {
        await this.repository.transition(jobId, ['done', 'failed'], 'running', this.now(), tx);
      }
      return requeued;
    });
    if (outcome === 'missing') await this.requireJob(jobId);
    if (outcome === 'refused') await this.refuse(jobId, 'Only a job that has run can retry its failed items');
    if (typeof outcome === 'number' && outcome > 0) {
      this.deps.ports.logger.info({ jobId, items: outcome }, 'bulk: failed items will be generated again');
      const job = await this.requireJob(jobId);
      if (job.status === 'running') void this.runner.run(jobId);
      await this.notify(jobId);
    }
    return this.requireJob(jobId);
  }

  /** Aborts running generations and cancels what is left; finished items keep their posts. */
  async cancel(jobId: string): Promise<BulkJob> {
    const moved = await this.deps.database.transaction(async (tx) => {
      const from: BulkJobStatus[] = ['planned', 'running', 'paused'];
      if (!(await this.repository.transition(jobId, from, 'cancelled', this.now(), tx))) return false;
      await this.repository.cancelPending(jobId, this.now(), tx);
      return true;
    });
    if (!moved) await this.refuse(jobId, 'This job has already ended');
    this.runner.cancelRunning(jobId);
    await this.notify(jobId);
    return this.requireJob(jobId);
  }

  async getJob(jobId: string): Promise<BulkJobDetail> {
    const job = await this.requireJob(jobId);
    return { job, items: await this.repository.items(jobId) };
  }

  listJobs(): Promise<BulkJob[]> {
    return this.repository.listJobs();
  }

  /**
   * At startup: items left 'generating' by a crash or quit go back to 'pending' (their post was
   * never committed), and jobs that were running carry on. Paused jobs stay paused.
   */
  async recover(): Promise<void> {
    const reset = await this.repository.resetGenerating();
    if (reset.length > 0)
      this.deps.ports.logger.info({ jobs: reset }, 'bulk: interrupted items will be generated again');
    for (const jobId of await this.repository.jobIdsWithStatus('running')) void this.runner.run(jobId);
  }

  /** Resolves when the job's runner has stopped (done, paused with nothing running, cancelled). */
  settled(jobId: string): Promise<void> {
    return this.runner.settled(jobId);
  }

  close(): Promise<void> {
    return this.runner.close();
  }

  /** Announces a job's state: job:progress for progress bars and bulk:changed for the job view. */
  private async notify(jobId: string): Promise<void> {
    const job = await this.repository.findJob(jobId);
    if (!job) return;
    const { counts } = job;
    const waiting = job.status === 'running' && this.runner.waitingForEngine(jobId);
    this.deps.events.emit('job:progress', {
      jobId,
      phase: job.status === 'running' ? 'generating' : job.status,
      done: counts.done + counts.failed + counts.cancelled,
      total: counts.total,
      cancellable: job.status === 'planned' || job.status === 'running' || job.status === 'paused',
      ...(waiting ? { status: 'waiting for the engine' } : {}),
    });
    this.deps.events.emit('bulk:changed', { jobId });
  }

  private async hoursByPlatform(platforms: readonly Platform[]): Promise<Map<Platform, HourSlot[]>> {
    const out = new Map<Platform, HourSlot[]>();
    const bestTimes = this.options.bestTimes;
    if (!bestTimes) return out;
    for (const platform of platforms) {
      try {
        out.set(platform, (await bestTimes(platform)).slots);
      } catch (err) {
        this.deps.ports.logger.warn({ err, platform }, 'bulk: no best times, using 09:00');
      }
    }
    return out;
  }

  private async move(jobId: string, from: BulkJobStatus[], to: BulkJobStatus, refusal: string): Promise<void> {
    if (!(await this.repository.transition(jobId, from, to, this.now()))) await this.refuse(jobId, refusal);
    await this.notify(jobId);
  }

  /** Throws NOT_FOUND for an unknown job, else CONFLICT naming the job's state. */
  private async refuse(jobId: string, message: string): Promise<never> {
    const job = await this.requireJob(jobId);
    throw new ContractError('CONFLICT', `${message} (this one is ${job.status})`, { status: job.status });
  }

  private async requireJob(jobId: string): Promise<BulkJob> {
    const job = await this.repository.findJob(jobId);
    if (!job) throw new ContractError('NOT_FOUND', 'That bulk job does not exist');
    return job;
  }

  private now(): string {
    return this.deps.ports.clock.now().toISOString();
  }
}
