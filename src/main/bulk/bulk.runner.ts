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
import type { StudioBrand, VoiceGuide } from '../studio/studio.ports';
import { bulkPrompt } from './bulk-prompt';
import type { BulkRepository } from './bulk.repository';
import { DEFAULT_ENGINE_WAIT_MAX_MS, engineAway, engineWaitMs } from './engine-wait';

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
  /**
   * The brand voice for an item (instructions + the creator's most similar posts as few-shot
   * examples); absent or failing → the item is generated without it.
   */
  voice?: StudioBrand;
  /** The longest wait for an engine that refuses every call (default: the breaker's 30 s cool-down). */
  engineWaitMaxMs?: number;
}

interface Running {
  controller: AbortController;
  requestId: string;
}

/** The engine refused the job's work: no item starts before `until` (Date.now() ms). */
interface EngineWait {
  until: number | null;
  /** Refusals in a row, for the backoff; reset by a generation that gets through. */
  tries: number;
}

interface JobLoop {
  active: Map<number, Running>;
  /** Set while every provider is unavailable; null once a generation gets through. */
  engine: EngineWait | null;
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
  private readonly engineWaitMaxMs: number;

  constructor(private readonly deps: RunnerDeps) {
    this.maxAttempts = deps.maxAttempts ?? 3;
    this.retryBaseMs = deps.retryBaseMs ?? 2000;
    this.engineWaitMaxMs = deps.engineWaitMaxMs ?? DEFAULT_ENGINE_WAIT_MAX_MS;
  }

  /** Whether the job's intake is held because the engine refuses every call (shown in progress). */
  waitingForEngine(jobId: string): boolean {
    return (this.loops.get(jobId)?.engine?.until ?? null) !== null;
  }

  /** Makes sure a loop runs for the job (or wakes the one running); resolves when that loop ends. */
  run(jobId: string): Promise<void> {
    if (this.closing) return Promise.resolve();
    const existing = this.loops.get(jobId);
    if (existing) {
      this.wake(existing);
      return existing.done;
    }
    const loop: JobLoop = { active: new Map(), engine: null, dirty: false, waiter: null, done: Promise.resolve() };
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
      // While the engine refuses everything, intake is held (no attempt is used up waiting).
      let holdMs = 0;
      if (job.status === 'running') {
        holdMs = await this.engineHold(jobId, loop);
        while (holdMs === 0 && loop.active.size < job.concurrency && !this.closing) {
          const item = await repository.claimNext(jobId, this.now());
          if (!item) break;
          this.startItem(jobId, item, loop);
          await this.deps.notify(jobId);
          holdMs = await this.engineHold(jobId, loop);
        }
      }
      if (loop.active.size === 0 && holdMs === 0) {
        if (loop.dirty) continue;
        if (job.status === 'running' && !this.closing) await this.finishIfEmpty(jobId);
        return;
      }
      await this.nextWake(loop, holdMs);
    }
  }

  /** Milliseconds the job's intake stays held; when a wait has run out, it ends (announced). */
  private async engineHold(jobId: string, loop: JobLoop): Promise<number> {
    const until = loop.engine?.until ?? null;
    if (until === null) return 0;
    const left = until - Date.now();
    if (left > 0) return left;
    loop.engine!.until = null;
    await this.deps.notify(jobId);
    return 0;
  }

  /** Every provider refused: hold the job's intake for the next backoff step. */
  private holdIntake(loop: JobLoop, retryAfterMs: number | null): number {
    const engine = (loop.engine ??= { until: null, tries: 0 });
    const waitMs = engineWaitMs(engine.tries, retryAfterMs, this.retryBaseMs, this.engineWaitMaxMs);
    engine.tries += 1;
    engine.until = Math.max(engine.until ?? 0, Date.now() + waitMs);
    return waitMs;
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
    void this.work(jobId, item, running, loop)
      .catch((err: unknown) => this.deps.logger.error({ err, itemId: item.id }, 'bulk: item worker failed'))
      .finally(() => {
        loop.active.delete(item.id);
        this.wake(loop);
      });
  }

  /**
   * One item, with retries: generate, shape, commit. Writes nothing once the app is closing. When
   * the engine refuses the call outright (every provider resting or away), the item goes back to
   * pending with its attempt returned and the job's intake waits; a real failure uses an attempt.
   */
  private async work(jobId: string, item: BulkItem, running: Running, loop: JobLoop): Promise<void> {
    const { llm, repository } = this.deps;
    const { signal } = running.controller;
    let attempts = item.attempts;
    const voice = await this.voiceFor(jobId, item);
    for (;;) {
      try {
        const { messages, maxTokens } = bulkPrompt(item, voice);
        const generation = await llm.generate(
          { task: 'drafting', requestId: running.requestId, messages, maxTokens },
          signal,
        );
        loop.engine = null;
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
        const away = engineAway(error);
        if (away) return this.waitForEngine(jobId, item, loop, away.retryAfterMs, error);
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

  /** The item is handed back untouched and the job waits for the engine (see `engineHold`). */
  private async waitForEngine(
    jobId: string,
    item: BulkItem,
    loop: JobLoop,
    retryAfterMs: number | null,
    error: unknown,
  ): Promise<void> {
    const waitMs = this.holdIntake(loop, retryAfterMs);
    const message = error instanceof Error ? error.message : String(error);
    this.deps.logger.info({ jobId, itemId: item.id, waitMs, err: message }, 'bulk: waiting for the engine');
    await this.deps.repository.giveBack(item.id);
    await this.deps.notify(jobId);
  }

  /** The brand voice for the item's topic; a broken voice profile must not fail the item, so it is only logged. */
  private async voiceFor(jobId: string, item: BulkItem): Promise<VoiceGuide | null> {
    if (!this.deps.voice) return null;
    try {
      return await this.deps.voice.voiceGuide(item.topic, item.platform);
    } catch (err) {
      this.deps.logger.warn({ err, jobId, itemId: item.id }, 'bulk: no brand voice for this item');
      return null;
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

  /** Resolves at the next wake(), or after `timeoutMs` when that is above 0. */
  private nextWake(loop: JobLoop, timeoutMs = 0): Promise<void> {
    if (loop.dirty) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = timeoutMs > 0 ? setTimeout(() => waiter(), timeoutMs) : null;
      const waiter = () => {
        if (timer) clearTimeout(timer);
        if (loop.waiter === waiter) loop.waiter = null;
        resolve();
      };
      loop.waiter = waiter;
    });
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
