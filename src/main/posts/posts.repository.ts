import { sql, type Expression, type SqlBool } from 'kysely';
import type { PostFilter } from '../../shared/contract/posts';
import type { Post, PostRevision } from '../../shared/domain/post';
import type { Db, Tx } from '../db/database';
import { revisionRowOf, toPost, toPostRow, toRevision } from './post-row';
import { toFtsQuery } from './search-query';

/** Marks around matched words in search snippets; the UI highlights between them. */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

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

  /** Posts matching a filter: by relevance when searching, else most recently updated first. */
  async list(filter: ParsedFilter): Promise<{ items: (Post & { snippet: string | null })[]; total: number }> {
    const fts = filter.query ? toFtsQuery(filter.query) : null;
    if (filter.query && fts === null) return { items: [], total: 0 };

    const base = this.db
      .selectFrom('posts')
      .$if(fts !== null, (qb) => qb.innerJoin('posts_fts', 'posts_fts.rowid', 'posts.seq'));
    const filtered = base.where((eb) => {
      const conditions: Expression<SqlBool>[] = [];
      if (fts) conditions.push(sql<SqlBool>`posts_fts match ${fts}`);
      if (!filter.includeDeleted) conditions.push(eb('posts.deleted_at', 'is', null));
      if (filter.statuses?.length) conditions.push(eb('posts.status', 'in', filter.statuses));
      if (filter.platforms?.length) {
        conditions.push(
          sql<SqlBool>`exists (select 1 from json_each(posts.platforms) where value in (${sql.join(filter.platforms)}))`,
        );
      }
      if (filter.tag)
        conditions.push(sql<SqlBool>`exists (select 1 from json_each(posts.tags) where value = ${filter.tag})`);
      if (filter.from) conditions.push(sql<SqlBool>`coalesce(posts.scheduled_at, posts.updated_at) >= ${filter.from}`);
      if (filter.to) conditions.push(sql<SqlBool>`coalesce(posts.scheduled_at, posts.updated_at) <= ${filter.to}`);
      return eb.and(conditions);
    });
    const page = await filtered
      .select([
        'posts.id',
        'posts.title',
        'posts.body',
        'posts.status',
        'posts.tags',
        'posts.platforms',
        'posts.scheduled_at',
        'posts.created_at',
        'posts.updated_at',
        'posts.version',
        'posts.deleted_at',
      ])
      .select(
        fts
          ? sql<string>`snippet(posts_fts, 1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 16)`.as('snippet')
          : sql<null>`null`.as('snippet'),
      )
      .orderBy(fts ? sql`bm25(posts_fts, 5.0, 1.0, 2.0)` : sql`posts.updated_at desc`)
      .orderBy('posts.seq', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();

    const totalRow = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return {
      items: page.map((row) => ({ ...toPost(row), snippet: row.snippet })),
      total: Number(totalRow.n),
    };
  }

  async all(tx: Db | Tx = this.db): Promise<{ posts: Post[]; revisions: PostRevision[] }> {
    const posts = (await tx.selectFrom('posts').selectAll().orderBy('seq').execute()).map(toPost);
    const revisions = (await tx.selectFrom('post_revisions').selectAll().orderBy('id').execute()).map(toRevision);
    return { posts, revisions };
  }

  /** Inserts an imported revision, keeping its id when given. */
  async insertRevision(revision: Omit<PostRevision, 'id'> & { id: number | undefined }, tx: Tx): Promise<void> {
    await tx
      .insertInto('post_revisions')
      .values({
        ...(revision.id === undefined ? {} : { id: revision.id }),
        post_id: revision.postId,
        version: revision.version,
        title: revision.title,
        body: revision.body,
        status: revision.status,
        tags: JSON.stringify(revision.tags),
        platforms: JSON.stringify(revision.platforms),
        scheduled_at: revision.scheduledAt,
        created_at: revision.createdAt,
      })
      .execute();
  }

  async deleteAll(tx: Tx): Promise<void> {
    await tx.deleteFrom('post_revisions').execute();
    await tx.deleteFrom('posts').execute();
  }
}
