import type { PostFilter, PostList } from '../../shared/contract/posts';
import type { Post, PostRevision } from '../../shared/domain/post';
import type { Db, Tx } from '../db/database';
import { revisionRowOf, toPost, toPostRow, toRevision, toRevisionRow } from './post-row';
import { postFilterConditions, whereAll } from './post-filters';
import { searchPosts } from './posts.search';
import { toFtsQuery } from './search-query';

type ParsedFilter = Omit<PostFilter, 'limit' | 'offset'> & { limit: number; offset: number };

/** SQL for posts and their revisions. Writes take the transaction they run in. */
export class PostsRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string, tx: Db | Tx = this.db): Promise<Post | null> {
    const row = await tx.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toPost(row) : null;
  }

  async findByIds(ids: string[], tx: Db | Tx = this.db): Promise<Post[]> {
    if (ids.length === 0) return [];
    const rows = await tx.selectFrom('posts').selectAll().where('id', 'in', ids).execute();
    return rows.map(toPost);
  }

  async insert(post: Post, tx: Tx): Promise<void> {
    await tx.insertInto('posts').values(toPostRow(post)).execute();
  }

  async update(post: Post, tx: Tx): Promise<void> {
    const { id, ...rest } = toPostRow(post);
    await tx.updateTable('posts').set(rest).where('id', '=', id).execute();
  }

  async addRevision(post: Post, tx: Tx): Promise<void> {
    await tx.insertInto('post_revisions').values(revisionRowOf(post)).execute();
  }

  async listRevisions(postId: string): Promise<PostRevision[]> {
    const rows = await this.db
      .selectFrom('post_revisions')
      .selectAll()
      .where('post_id', '=', postId)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toRevision);
  }

  async findRevision(postId: string, revisionId: number): Promise<PostRevision | null> {
    const row = await this.db
      .selectFrom('post_revisions')
      .selectAll()
      .where('post_id', '=', postId)
      .where('id', '=', revisionId)
      .executeTakeFirst();
    return row ? toRevision(row) : null;
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('posts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Posts matching a filter: searched (see posts.search.ts) or most recently updated first. */
  async list(filter: ParsedFilter): Promise<PostList> {
    if (filter.query !== undefined && filter.query.trim() !== '') {
      const fts = toFtsQuery(filter.query);
      return fts ? searchPosts(this.db, fts, filter) : { items: [], total: 0, totalCapped: false, order: 'relevance' };
    }
    const where = whereAll(postFilterConditions(filter));
    const page = await this.db
      .selectFrom('posts')
      .selectAll()
      .where(where)
      .orderBy('updated_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    const total = await this.db
      .selectFrom('posts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow();
    return {
      items: page.map((row) => ({ ...toPost(row), snippet: null })),
      total: Number(total.n),
      totalCapped: false,
      order: 'updated',
    };
  }

  async all(tx: Db | Tx = this.db): Promise<{ posts: Post[]; revisions: PostRevision[] }> {
    const posts = (await tx.selectFrom('posts').selectAll().orderBy('seq').execute()).map(toPost);
    const revisions = (await tx.selectFrom('post_revisions').selectAll().orderBy('id').execute()).map(toRevision);
    return { posts, revisions };
  }

  /** Inserts an imported revision, keeping its id when given. */
  async insertRevision(revision: Omit<PostRevision, 'id'> & { id: number | undefined }, tx: Tx): Promise<void> {
    await tx.insertInto('post_revisions').values(toRevisionRow(revision)).execute();
  }

  async deleteAll(tx: Tx): Promise<void> {
    await tx.deleteFrom('post_revisions').execute();
    await tx.deleteFrom('posts').execute();
  }
}
