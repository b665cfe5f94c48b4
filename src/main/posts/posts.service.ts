import { randomUUID } from 'node:crypto';
import { ContractError } from '../../shared/contract/errors';
import type { PostFilter, PostList } from '../../shared/contract/posts';
import type { Post, PostRevision, PostStatus } from '../../shared/domain/post';
import type { Platform } from '../../shared/domain/platform';
import type { EventBus } from '../contract/event-bus';
import type { AppDatabase } from '../db/database';
import type { ClockPort } from '../platform/clock/types';
import { PostsRepository } from './posts.repository';

export interface PostContent {
  title: string;
  body: string;
  status: PostStatus;
  tags: string[];
  platforms: Platform[];
  scheduledAt: string | null;
}

/** Trashed posts are kept this long so a delete can be undone, then purged. */
export const TRASH_RETENTION_DAYS = 30;

/** Drafting, editing, scheduling and trashing posts. Every save keeps a revision. */
export class PostsService {
  readonly repository: PostsRepository;

  constructor(
    private readonly database: AppDatabase,
    private readonly clock: ClockPort,
    private readonly events: EventBus,
  ) {
    this.repository = new PostsRepository(database.db);
  }

  async create(input: Partial<PostContent>): Promise<Post> {
    const now = this.now();
    const scheduledAt = input.scheduledAt ?? null;
    const post: Post = {
      id: randomUUID(),
      title: input.title ?? '',
      body: input.body ?? '',
      status: input.status ?? (scheduledAt ? 'scheduled' : 'draft'),
      tags: normalizeTags(input.tags ?? []),
      platforms: unique(input.platforms ?? []),
      scheduledAt,
      createdAt: now,
      updatedAt: now,
      version: 1,
      deletedAt: null,
    };
    assertConsistent(post);
    await this.database.transaction(async (tx, onCommit) => {
      await this.repository.insert(post, tx);
      await this.repository.addRevision(post, tx);
      onCommit(() => this.changed([post.id], 'created'));
    });
    return post;
  }

  /** Saves changes made from `version`; a stale version means someone else saved first. */
  async update(id: string, version: number, changes: Partial<PostContent>): Promise<Post> {
    return this.database.transaction(async (tx, onCommit) => {
      const current = await this.requirePost(id, tx);
      if (current.version !== version) {
        throw new ContractError(
          'CONFLICT',
          'This post was changed elsewhere since you opened it; reload to see the newer version',
          { currentVersion: current.version },
        );
      }
      const next = this.apply(current, changes);
      if (next === current) return current;
      assertConsistent(next);
      await this.repository.update(next, tx);
      await this.repository.addRevision(next, tx);
      onCommit(() => this.changed([id], 'updated'));
      return next;
    });
  }

  async get(id: string): Promise<Post> {
    return this.requirePost(id);
  }

  async list(filter: Omit<PostFilter, 'limit' | 'offset'> & { limit: number; offset: number }): Promise<PostList> {
    return this.repository.list(filter);
  }

  /** Puts a post on the calendar (or takes it off). Published posts keep their time. */
  async schedule(id: string, scheduledAt: string | null): Promise<Post> {
    const current = await this.requirePost(id);
    if (current.status === 'published') {
      throw new ContractError('CONFLICT', 'This post is already published; its time cannot change');
    }
    const status: PostStatus = scheduledAt ? 'scheduled' : current.status === 'scheduled' ? 'ready' : current.status;
    return this.update(id, current.version, { scheduledAt, status });
  }

  /** Bulk status change (archive and its undo); returns what each post had before. */
  async setStatuses(items: { id: string; status: PostStatus }[]): Promise<{ id: string; status: PostStatus }[]> {
    return this.database.transaction(async (tx, onCommit) => {
      const previous: { id: string; status: PostStatus }[] = [];
      for (const item of items) {
        const current = await this.requirePost(item.id, tx);
        previous.push({ id: current.id, status: current.status });
        const next = this.apply(current, { status: item.status });
        if (next === current) continue;
        assertConsistent(next);
        await this.repository.update(next, tx);
        await this.repository.addRevision(next, tx);
      }
      onCommit(() =>
        this.changed(
          items.map((i) => i.id),
          'status',
        ),
      );
      return previous;
    });
  }

  async trash(ids: string[]): Promise<string[]> {
    return this.setDeleted(ids, this.now(), 'deleted');
  }

  async restore(ids: string[]): Promise<string[]> {
    return this.setDeleted(ids, null, 'restored');
  }

  async listRevisions(postId: string): Promise<PostRevision[]> {
    await this.requirePost(postId);
    return this.repository.listRevisions(postId);
  }

  /** Brings back a revision's content exactly, recorded as a new revision. */
  async restoreRevision(postId: string, revisionId: number): Promise<Post> {
    const current = await this.requirePost(postId);
    const revision = await this.repository.findRevision(postId, revisionId);
    if (!revision) throw new ContractError('NOT_FOUND', 'That revision does not exist for this post');
    const { title, body, status, tags, platforms, scheduledAt } = revision;
    return this.update(postId, current.version, { title, body, status, tags, platforms, scheduledAt });
  }

  /** Removes trashed posts older than the retention period; run at startup. */
  async purgeTrash(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - TRASH_RETENTION_DAYS * 86_400_000).toISOString();
    const result = await this.database.db.deleteFrom('posts').where('deleted_at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async setDeleted(ids: string[], deletedAt: string | null, reason: string): Promise<string[]> {
    return this.database.transaction(async (tx, onCommit) => {
      const found = await this.repository.findByIds(ids, tx);
      const missing = ids.filter((id) => !found.some((p) => p.id === id));
      if (missing.length > 0) throw new ContractError('NOT_FOUND', 'Some posts no longer exist', { ids: missing });
      await tx.updateTable('posts').set({ deleted_at: deletedAt }).where('id', 'in', ids).execute();
      onCommit(() => this.changed(ids, reason));
      return ids;
    });
  }

  /** The post with changes applied and a new version, or the same object when nothing changed. */
  private apply(current: Post, changes: Partial<PostContent>): Post {
    const next: Post = {
      ...current,
      ...definedOnly(changes),
      tags: changes.tags ? normalizeTags(changes.tags) : current.tags,
      platforms: changes.platforms ? unique(changes.platforms) : current.platforms,
    };
    if (sameContent(current, next)) return current;
    return { ...next, version: current.version + 1, updatedAt: this.now() };
  }

  private async requirePost(id: string, tx?: Parameters<PostsRepository['findById']>[1]): Promise<Post> {
    const post = await this.repository.findById(id, tx);
    if (!post) throw new ContractError('NOT_FOUND', 'That post does not exist (it may have been deleted)');
    return post;
  }

  private changed(ids: string[], reason: string): void {
    this.events.emit('posts:changed', { ids, reason });
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function assertConsistent(post: Post): void {
  if (post.status === 'scheduled' && !post.scheduledAt) {
    throw new ContractError('VALIDATION_FAILED', 'A scheduled post needs a date and time', {
      issues: [{ path: ['scheduledAt'], message: 'Pick when this post goes out' }],
    });
  }
}

function sameContent(a: Post, b: Post): boolean {
  return (
    a.title === b.title &&
    a.body === b.body &&
    a.status === b.status &&
    a.scheduledAt === b.scheduledAt &&
    JSON.stringify(a.tags) === JSON.stringify(b.tags) &&
    JSON.stringify(a.platforms) === JSON.stringify(b.platforms)
  );
}

/** Tags keep their first spelling; a leading # is dropped; duplicates ignoring case go. */
export function normalizeTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/u, '');
    const key = tag.toLocaleLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
