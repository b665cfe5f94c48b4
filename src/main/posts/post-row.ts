import type { Selectable } from 'kysely';
import type { Post, PostRevision, PostStatus } from '../../shared/domain/post';
import type { Platform } from '../../shared/domain/platform';
import type { PostRevisionsTable, PostsTable } from '../db/schema/posts';

/** What a post and each of its revisions hold alike, as stored (lists are JSON text). */
type ContentColumns = Pick<PostsTable, 'title' | 'body' | 'status' | 'tags' | 'platforms' | 'scheduled_at'>;
type Content = Pick<Post, 'title' | 'body' | 'status' | 'tags' | 'platforms' | 'scheduledAt'>;

function contentOf(row: ContentColumns): Content {
  return {
    title: row.title,
    body: row.body,
    status: row.status as PostStatus,
    tags: JSON.parse(row.tags) as string[],
    platforms: JSON.parse(row.platforms) as Platform[],
    scheduledAt: row.scheduled_at,
  };
}

function columnsOf(content: Content): ContentColumns {
  return {
    title: content.title,
    body: content.body,
    status: content.status,
    tags: JSON.stringify(content.tags),
    platforms: JSON.stringify(content.platforms),
    scheduled_at: content.scheduledAt,
  };
}

/** Maps between SQLite rows and domain posts. */
export function toPost(row: Omit<Selectable<PostsTable>, 'seq'>): Post {
  return {
    id: row.id,
    ...contentOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    deletedAt: row.deleted_at,
  };
}

export function toPostRow(post: Post): Omit<Selectable<PostsTable>, 'seq'> {
  return {
    id: post.id,
    ...columnsOf(post),
    created_at: post.createdAt,
    updated_at: post.updatedAt,
    version: post.version,
    deleted_at: post.deletedAt,
  };
}

export function toRevision(row: Selectable<PostRevisionsTable>): PostRevision {
  return { id: row.id, postId: row.post_id, version: row.version, ...contentOf(row), createdAt: row.created_at };
}

/** A revision as a row; without an id SQLite assigns one (an imported id already taken here). */
export function toRevisionRow(revision: Omit<PostRevision, 'id'> & { id?: number | undefined }) {
  return {
    ...(revision.id === undefined ? {} : { id: revision.id }),
    post_id: revision.postId,
    version: revision.version,
    ...columnsOf(revision),
    created_at: revision.createdAt,
  };
}

/** A revision snapshot of a post as it is now. */
export function revisionRowOf(post: Post) {
  return toRevisionRow({ ...post, postId: post.id, createdAt: post.updatedAt, id: undefined });
}
