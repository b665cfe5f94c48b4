import { sql } from 'kysely';
import type { z } from 'zod';
import { ContractError } from '../../shared/contract/errors';
import type { PostList } from '../../shared/contract/posts';
import type { LibrarySearch, SearchStatus, searchChannels } from '../../shared/contract/search';
import type { Post } from '../../shared/domain/post';
import type { AppDatabase } from '../db/database';
import type { LlmService } from '../llm/llm.service';
import type { Logger } from '../platform/logger/logger';
import { postFilterConditions, whereAll } from '../posts/post-filters';
import type { PostsService } from '../posts/posts.service';
import { EmbeddingsRepository } from './embeddings.repository';
import { reciprocalRankFusion } from './rank-fusion';
import type { SearchIndexer } from './search-indexer';
import { dot, normalise } from './vectors';

export type SearchLibraryInput = z.output<(typeof searchChannels)['search:search-library']['input']>;

/**
 * How many vectors one semantic search scans, most recently updated posts first. Brute-force
 * cosine is cheap (100k × 384 floats ≈ 40 M multiply-adds), but reading the blobs out of SQLite
 * is not, so the scan is capped; older posts are still found by their words.
 */
export const SEMANTIC_SCAN_LIMIT = 5_000;
/** Candidates taken from each search before fusing. */
const CANDIDATES = 200;
/** Below this cosine a semantic match is noise, not meaning. */
const MIN_SIMILARITY = 0.2;

export interface SearchServiceDeps {
  database: AppDatabase;
  llm: LlmService;
  posts: PostsService;
  logger: Logger;
}

/** The library searched by words and meaning; also "posts like this text" for the brand voice. */
export class SearchService {
  readonly repository: EmbeddingsRepository;
  indexer: SearchIndexer | null = null;
  private model: { model: string; provider: string } | null = null;
  private available = false;

  constructor(private readonly deps: SearchServiceDeps) {
    this.repository = new EmbeddingsRepository(deps.database.db);
  }

  /** Told by the indexer and by query embeddings which model answered. */
  noteModel(model: string, provider: string): void {
    this.model = { model, provider };
    this.available = true;
  }

  activeModel(): string | null {
    return this.model?.model ?? null;
  }

  /**
   * Full-text (the posts search) plus semantic (cosine over stored vectors) fused by reciprocal
   * rank. Without an embeddings model, or with mode 'full-text', it is exactly posts:list-posts.
   */
  async searchLibrary(input: SearchLibraryInput): Promise<LibrarySearch> {
    const { mode, ...filter } = input;
    if (mode === 'full-text') return fullTextOnly(await this.deps.posts.list(filter), null);
    const query = await this.embedQuery(filter.query);
    if ('reason' in query) return fullTextOnly(await this.deps.posts.list(filter), query.reason);

    const ranked = await this.semanticRank(query.vector, query.model);
    if (ranked.length === 0) {
      const reason = 'No posts are indexed for semantic search yet';
      return fullTextOnly(await this.deps.posts.list(filter), reason);
    }
    const words = await this.deps.posts.list({ ...filter, limit: CANDIDATES, offset: 0 });
    const meaning = await this.matchingFilter(
      ranked
        .filter((r) => r.score >= MIN_SIMILARITY)
        .slice(0, CANDIDATES * 5)
        .map((r) => r.postId),
      filter,
    );
    const fused = reciprocalRankFusion([words.items.map((p) => p.id), meaning.slice(0, CANDIDATES)]);
    const page = fused.slice(filter.offset, filter.offset + filter.limit);
    const byWords = new Map(words.items.map((p) => [p.id, p]));
    const meaningSet = new Set(meaning.slice(0, CANDIDATES));
    const missing = page.map((f) => f.id).filter((id) => !byWords.has(id));
    const fetched = new Map((await this.deps.posts.repository.findByIds(missing)).map((p) => [p.id, p]));
    const items = page.flatMap(({ id }) => {
      const hit = byWords.get(id);
      const post = hit ?? fetched.get(id);
      if (!post) return [];
      const matchedBy = [
        ...(hit ? (['full-text'] as const) : []),
        ...(meaningSet.has(id) ? (['semantic'] as const) : []),
      ];
      return [{ ...post, snippet: hit?.snippet ?? null, matchedBy }];
    });
    return { items, total: fused.length, mode: 'hybrid', reason: null };
  }

  async status(): Promise<SearchStatus> {
    const settings = await this.deps.llm.getSettings();
    const first = settings.chains.embeddings[0] ?? null;
    const model = this.model?.model ?? first?.model ?? null;
    const provider = this.model?.provider ?? first?.provider ?? null;
    const [indexed, total] = await Promise.all([
      model ? this.repository.countIndexed(model) : 0,
      this.deps.posts.repository.count(),
    ]);
    return {
      model,
      provider,
      available: this.available,
      indexed,
      total,
      indexing: this.indexer?.indexing ?? false,
      reason: this.indexer?.lastError ?? null,
    };
  }

  /**
   * The k posts closest in meaning to a text (for few-shot examples), best first; null when no
   * embeddings model answers or nothing is indexed, so callers fall back to their own choice.
   */
  async similarPosts(text: string, k: number): Promise<{ post: Post; score: number }[] | null> {
    const query = await this.embedQuery(text);
    if ('reason' in query) return null;
    const ranked = await this.semanticRank(query.vector, query.model);
    if (ranked.length === 0) return null;
    const top = ranked.slice(0, k);
    const posts = new Map((await this.deps.posts.repository.findByIds(top.map((r) => r.postId))).map((p) => [p.id, p]));
    return top.flatMap((r) => {
      const post = posts.get(r.postId);
      return post ? [{ post, score: r.score }] : [];
    });
  }

  private async embedQuery(text: string): Promise<{ vector: Float32Array; model: string } | { reason: string }> {
    try {
      const result = await this.deps.llm.embed([text]);
      this.noteModel(result.model, result.provider);
      return { vector: normalise(result.vectors[0] ?? []), model: result.model };
    } catch (error) {
      this.available = false;
      const detail = error instanceof ContractError || error instanceof Error ? error.message : String(error);
      this.deps.logger.info({ detail }, 'semantic search unavailable; full-text only');
      return { reason: `No embeddings model is running (${detail})` };
    }
  }

  /** Every scanned post by cosine to the query, best first. */
  private async semanticRank(query: Float32Array, model: string): Promise<{ postId: string; score: number }[]> {
    const vectors = await this.repository.vectors(model, query.length, SEMANTIC_SCAN_LIMIT);
    return vectors
      .map(({ postId, vector }) => ({ postId, score: dot(query, vector) }))
      .sort((a, b) => b.score - a.score);
  }

  /** The ids (in their order) that pass the list filters: status, platforms, tag, dates, trash. */
  private async matchingFilter(ids: string[], filter: Omit<SearchLibraryInput, 'mode'>): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.deps.database.db
      .selectFrom('posts')
      .select('id')
      .where(sql<boolean>`posts.id in (${sql.join(ids)})`)
      .where(whereAll(postFilterConditions(filter)))
      .execute();
    const passing = new Set(rows.map((r) => r.id));
    return ids.filter((id) => passing.has(id));
  }
}

function fullTextOnly(list: PostList, reason: string | null): LibrarySearch {
  return {
    items: list.items.map((item) => ({ ...item, matchedBy: ['full-text' as const] })),
    total: list.total,
    mode: 'full-text',
    reason,
  };
}
