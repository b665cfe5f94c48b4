import { randomUUID } from 'node:crypto';
import type { BulkItem } from '../../shared/domain/bulk';
import type { Post } from '../../shared/domain/post';
import { shapeForPlatform } from '../../shared/platforms/shape';
import type { EventBus } from '../contract/event-bus';
import type { AppDatabase } from '../db/database';
import type { LlmService } from '../llm/llm.service';
import type { ClockPort } from '../platform/clock/types';
import type { Logger } from '../platform/logger/logger';
import type { PostsRepository } from '../posts/posts.repository';
import { bulkPrompt } from './bulk-prompt';
import type { BulkRepository } from './bulk.repository';

export interface RunnerDeps {
  database: AppDatabase;
  repository: BulkRepository;
  llm: Pick<LlmService, 'generate' | 'cancel'>;
  posts: PostsRepository;
  events: EventBus;
  clock: ClockPort;
  logger: Logger;
  /** Announces a job's state to the UI (job:progress and bulk:changed). */
  notify(jobId: string): Promise<void>;
  /** Tries per item (first + retries); default 3. */
  maxAttempts?: number;
  /** Wait before the first retry, doubled for each further one; default 2000 ms. */
  retryBaseMs?: number;
}

interface Running {
  controller: AbortController;
  requestId: string;
}

interface JobLoop {
  active: Map<number, Running>;
  /** Set by wake(): something changed since the loop last looked (status, a worker ended). */
  dirty: boolean;
  waiter: (() => void) | null;
  done: Promise<void>;
}

/** The transaction found the item no longer generating (cancelled meanwhile): roll the post back. */
class ItemMovedOn extends Error {}

/**
 * Generates a job's pending items, at most `job.concurrency` at once. Each item's post, its origin
 * row and the item's 'done' are ONE transaction: a crash before the commit leaves no post, and the
 * restart generates the item again (post_origins.bulk_item_id and bulk_items.post_id are unique).
 */
export class BulkRunner {
  private readonly loops = new Map<string, JobLoop>();
  private closing = false;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;

  constructor(private readonly deps: RunnerDeps) {
    this.maxAttempts = deps.maxAttempts ?? 3;
    this.retryBaseMs = deps.retryBaseMs ?? 2000;
  }

  /** Makes sure a loop runs for the job (or wakes the one running); resolves when that loop ends. */
  run(jobId: string): Promise<void> {
    if (this.closing) return Promise.resolve();
    const existing = this.loops.get(jobId);
    if (existing) {
      this.wake(existing);
      return existing.done;
    }
    const loop: JobLoop = { active: new Map(), dirty: false, waiter: null, done: Promise.resolve() };
    this.loops.set(jobId, loop);
    loop.done = this.loop(jobId, loop)
      .catch((err: unknown) => this.deps.logger.error({ err, jobId }, 'bulk: job loop failed'))
      .finally(() => this.loops.delete(jobId));
    return loop.done;
  }

  /** Resolves when the job's loop (if any) has ended. */
  settled(jobId: string): Promise<void> {
    return this.loops.get(jobId)?.done ?? Promise.resolve();
  }

  /** Stops the job's running generations at their source; the workers mark their items cancelled. */
  cancelRunning(jobId: string): void {
    const loop = this.loops.get(jobId);
    if (!loop) return;
    for (const running of loop.active.values()) {
      this.deps.llm.cancel(running.requestId);
      running.controller.abort();
    }
    this.wake(loop);
  }

  /** App quit: abort everything and write nothing more; generating items are redone at next start. */
  async close(): Promise<void> {
    this.closing = true;
    for (const loop of this.loops.values()) {
      for (const running of loop.active.values()) {
        this.deps.llm.cancel(running.requestId);
        running.controller.abort();
      }
      this.wake(loop);
    }
    await Promise.all([...this.loops.values()].map((l) => l.done));
  }

  private async loop(jobId: string, loop: JobLoop): Promise<void> {
    const { repository } = this.deps;
    for (;;) {
      loop.dirty = false;
      if (this.closing) return this.drain(loop);
      const job = await repository.findJob(jobId);
      if (!job) return this.drain(loop);
      if (job.status === 'running') {
        while (loop.active.size < job.concurrency && !this.closing) {
          const item = await repository.claimNext(jobId, this.now());
          if (!item) break;
          this.startItem(jobId, item, loop);
          await this.deps.notify(jobId);
        }
      }
      if (loop.active.size === 0) {
        if (loop.dirty) continue;
        if (job.status === 'running' && !this.closing) await this.finishIfEmpty(jobId);
        return;
      }
      await this.nextWake(loop);
    }
  }

  private async drain(loop: JobLoop): Promise<void> {
    while (loop.active.size > 0) await this.nextWake(loop);
  }

  /** Nothing pending or generating: the job is done (failed items stay listed with their errors). */
  private async finishIfEmpty(jobId: string): Promise<void> {
    const counts = await this.deps.repository.counts(jobId);
    if (counts.pending > 0 || counts.generating > 0) return;
    if (await this.deps.repository.transition(jobId, ['running'], 'done', this.now())) {
      this.deps.logger.info({ jobId, done: counts.done, failed: counts.failed }, 'bulk: job finished');
      await this.deps.notify(jobId);
    }
  }

  private startItem(jobId: string, item: BulkItem, loop: JobLoop): void {
    const running: Running = { controller: new AbortController(), requestId: randomUUID() };
    loop.active.set(item.id, running);
    void this.work(jobId, item, running)
      .catch((err: unknown) => this.deps.logger.error({ err, itemId: item.id }, 'bulk: item worker failed'))
      .finally(() => {
        loop.active.delete(item.id);
        this.wake(loop);
      });
  }

  /** One item, with retries: generate, shape, commit. Writes nothing once the app is closing. */
  private async work(jobId: string, item: BulkItem, running: Running): Promise<void> {
    const { llm, repository } = this.deps;
    const { signal } = running.controller;
    let attempts = item.attempts;
    for (;;) {
      try {
        const { messages, maxTokens } = bulkPrompt(item);
        const generation = await llm.generate(
          { task: 'drafting', requestId: running.requestId, messages, maxTokens },
          signal,
        );
        if (this.closing) return;
        if (generation.finishReason === 'cancelled' || signal.aborted)
          return this.endItem(jobId, item, 'cancelled', null);
        const shaped = shapeForPlatform(item.platform, generation.text);
        if (shaped.text === '') throw new Error('The model returned no text');
        await this.commit(item, shaped.text, generation.durationMs);
        return this.deps.notify(jobId);
      } catch (error) {
        if (this.closing) return;
        if (error instanceof ItemMovedOn) return;
        if (signal.aborted) return this.endItem(jobId, item, 'cancelled', null);
        const message = error instanceof Error ? error.message : String(error);
        this.deps.logger.warn({ jobId, itemId: item.id, attempts, err: message }, 'bulk: generation failed');
        if (attempts >= this.maxAttempts) return this.endItem(jobId, item, 'failed', message);
        if (!(await sleep(this.retryBaseMs * 2 ** (attempts - 1), signal))) {
          return this.closing ? undefined : this.endItem(jobId, item, 'cancelled', null);
        }
        if (this.closing) return;
        await repository.markGenerating(item.id, this.now());
        attempts += 1;
        running.requestId = randomUUID();
        await this.deps.notify(jobId);
      }
    }
  }

  private async endItem(jobId: string, item: BulkItem, status: 'failed' | 'cancelled', error: string | null) {
    await this.deps.repository.finishItem(item.id, status, { error, now: this.now() });
    await this.deps.notify(jobId);
  }

  /** The post (scheduled at the item's time), its origin and the item's 'done', all or nothing. */
  private async commit(item: BulkItem, body: string, generationMs: number): Promise<void> {
    const now = this.now();
    const post: Post = {
      id: randomUUID(),
      title: item.topic,
      body,
      status: 'scheduled',
      tags: [],
      platforms: [item.platform],
      scheduledAt: item.dueAt,
      createdAt: now,
      updatedAt: now,
      version: 1,
      deletedAt: null,
    };
    const { database, posts, repository, events } = this.deps;
    await database.transaction(async (tx, onCommit) => {
      await posts.insert(post, tx);
      await posts.addRevision(post, tx);
      await tx
        .insertInto('post_origins')
        .values({ post_id: post.id, idea_id: null, variant_label: null, template_id: null, bulk_item_id: item.id })
        .execute();
      if (!(await repository.markDone(item.id, { postId: post.id, generationMs, now }, tx))) throw new ItemMovedOn();
      onCommit(() => events.emit('posts:changed', { ids: [post.id], reason: 'created' }));
    });
  }

  private wake(loop: JobLoop): void {
    loop.dirty = true;
    const waiter = loop.waiter;
    loop.waiter = null;
    waiter?.();
  }

  private nextWake(loop: JobLoop): Promise<void> {
    if (loop.dirty) return Promise.resolve();
    return new Promise((resolve) => (loop.waiter = resolve));
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

/** Waits `ms`; false when the signal aborted the wait. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
