import type { Selectable } from 'kysely';
import type { Post, PostRevision, PostStatus } from '../../shared/domain/post';
import type { Platform } from '../../shared/domain/platform';
import type { PostRevisionsTable, PostsTable } from '../db/schema/posts';

/** Maps between SQLite rows (JSON text lists) and domain posts. */
export function toPost(row: Omit<Selectable<PostsTable>, 'seq'>): Post {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    status: row.status as PostStatus,
    tags: JSON.parse(row.tags) as string[],
    platforms: JSON.parse(row.platforms) as Platform[],
    scheduledAt: row.scheduled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    deletedAt: row.deleted_at,
  };
}

export function toPostRow(post: Post): Omit<Selectable<PostsTable>, 'seq'> {
  return {
    id: post.id,
    title: post.title,
    body: post.body,
    status: post.status,
    tags: JSON.stringify(post.tags),
    platforms: JSON.stringify(post.platforms),
    scheduled_at: post.scheduledAt,
    created_at: post.createdAt,
    updated_at: post.updatedAt,
    version: post.version,
    deleted_at: post.deletedAt,
  };
}

export function toRevision(row: Selectable<PostRevisionsTable>): PostRevision {
  return {
    id: row.id,
    postId: row.post_id,
    version: row.version,
    title: row.title,
    body: row.body,
    status: row.status as PostStatus,
    tags: JSON.parse(row.tags) as string[],
    platforms: JSON.parse(row.platforms) as Platform[],
    scheduledAt: row.scheduled_at,
    createdAt: row.created_at,
  };
}

/** A revision snapshot of a post as it is now. */
export function revisionRowOf(post: Post) {
  return {
    post_id: post.id,
    version: post.version,
    title: post.title,
    body: post.body,
    status: post.status,
    tags: JSON.stringify(post.tags),
    platforms: JSON.stringify(post.platforms),
    scheduled_at: post.scheduledAt,
    created_at: post.updatedAt,
  };
}
