import type { Post } from '../../shared/domain/post';
import type { EventBus } from '../contract/event-bus';
import type { AppDatabase } from '../db/database';
import { toPost } from '../posts/post-row';
import type { LlmService } from '../llm/llm.service';
import type { ClockPort } from '../platform/clock/types';
import type { Logger } from '../platform/logger/logger';
import type { EmbeddingsRepository } from './embeddings.repository';
import { contentHash, embeddingText } from './post-text';
import { normalise } from './vectors';

export interface SearchIndexerDeps {
  database: AppDatabase;
  llm: LlmService;
  events: EventBus;
  clock: ClockPort;
  logger: Logger;
  repository: EmbeddingsRepository;
  /** Told after each successful embedding call, so status and search know the model in use. */
  onModel: (model: string, provider: string) => void;
  /** The model whose vectors count as current (a change of model re-indexes). */
  activeModel: () => string | null;
}

export interface SearchIndexerOptions {
  debounceMs?: number;
  batchSize?: number;
  /** After an embeddings failure, try again this much later (a model may be started meanwhile). */
  retryMs?: number;
}

const SCAN_PAGE = 500;

/**
 * Keeps post_embeddings in step with the posts, in the background: on posts:changed (debounced)
 * it embeds the changed posts, at start it checks them all; batches of 32; a post whose text and
 * model did not change is skipped by its content hash. Stops at close, mid-batch included.
 */
export class SearchIndexer {
  private readonly debounceMs: number;
  private readonly batchSize: number;
  private readonly retryMs: number;
  private pending: Set<string> | 'all' = new Set();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly controller = new AbortController();
  private unsubscribe: (() => void) | null = null;
  lastError: string | null = null;

  constructor(
    private readonly deps: SearchIndexerDeps,
    options: SearchIndexerOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 2_000;
    this.batchSize = options.batchSize ?? 32;
    this.retryMs = options.retryMs ?? 5 * 60_000;
  }

  get indexing(): boolean {
    return this.running !== null;
  }

  start(): void {
    this.unsubscribe = this.deps.events.onAny((name, payload) => {
      if (name !== 'posts:changed') return;
      this.enqueue((payload as { ids: string[] }).ids);
    });
    this.enqueue('all');
  }

  /** Adds posts (or every post) to check, and runs after the debounce. */
  enqueue(ids: string[] | 'all'): void {
    if (this.controller.signal.aborted) return;
    if (ids === 'all' || this.pending === 'all') this.pending = 'all';
    else for (const id of ids) this.pending.add(id);
    this.schedule(this.debounceMs);
  }

  /** Runs now and resolves when nothing is left to index (tests, and the first search). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    await this.runOnce();
  }

  async close(): Promise<void> {
    this.controller.abort();
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runOnce();
    }, delayMs);
    this.timer.unref();
  }

  private runOnce(): Promise<void> {
    if (this.running) return this.running;
    const work = this.pending;
    this.pending = new Set();
    if (work !== 'all' && work.size === 0) return Promise.resolve();
    this.running = this.index(work)
      .catch((error: unknown) => {
        if (this.controller.signal.aborted) return;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.deps.logger.info({ reason: this.lastError }, 'semantic indexing paused');
        // Put the work back and try later: the model may be started or pulled meanwhile.
        this.pending = work === 'all' || this.pending === 'all' ? 'all' : new Set([...work, ...this.pending]);
        this.schedule(this.retryMs);
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async index(work: Set<string> | 'all'): Promise<void> {
    if (work === 'all') {
      for (let offset = 0; ; offset += SCAN_PAGE) {
        const page = await this.page(offset);
        await this.embedStale(page);
        if (page.length < SCAN_PAGE) break;
      }
    } else {
      const posts = (
        await this.deps.database.db
          .selectFrom('posts')
          .selectAll()
          .where('id', 'in', [...work])
          .where('deleted_at', 'is', null)
          .execute()
      ).map(toPost);
      await this.embedStale(posts);
    }
    this.lastError = null;
  }

  private async page(offset: number): Promise<Post[]> {
    const rows = await this.deps.database.db
      .selectFrom('posts')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('updated_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(SCAN_PAGE)
      .offset(offset)
      .execute();
    return rows.map(toPost);
  }

  /** Embeds the posts whose text or model changed since their vector was made. */
  private async embedStale(posts: Post[]): Promise<void> {
    const stored = await this.deps.repository.hashes(posts.map((p) => p.id));
    const stale = posts
      .map((post) => ({ post, text: embeddingText(post) }))
      .map((item) => ({ ...item, hash: contentHash(item.text) }))
      .filter(({ post, hash }) => {
        const row = stored.get(post.id);
        const model = this.deps.activeModel();
        return !row || row.hash !== hash || (model !== null && row.model !== model);
      });
    for (let i = 0; i < stale.length; i += this.batchSize) {
      if (this.controller.signal.aborted) return;
      const batch = stale.slice(i, i + this.batchSize);
      const result = await this.deps.llm.embed(
        batch.map((b) => b.text || ' '),
        this.controller.signal,
      );
      this.deps.onModel(result.model, result.provider);
      await this.deps.repository.upsert(
        batch.map((b, j) => ({
          postId: b.post.id,
          model: result.model,
          hash: b.hash,
          vector: normalise(result.vectors[j] ?? []),
        })),
        this.deps.clock.now().toISOString(),
      );
    }
  }
}
