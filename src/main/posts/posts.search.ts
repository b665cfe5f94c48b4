import { type RawBuilder, sql } from 'kysely';
import { type PostFilter, type PostList, SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/contract/posts';
import type { PostsTable } from '../db/schema/posts';
import type { Db } from '../db/database';
import { postFilterConditions, whereAll } from './post-filters';
import { toPost } from './post-row';
import { rankingCost } from './search-cost';

/**
 * Searches whose words appear in up to this many posts (summed over the words) are ranked by
 * relevance (bm25). FTS5 computes bm25 from every post holding each word, so its cost grows with
 * them however few rows are shown; beyond this the matches are listed newest first, which SQLite
 * stops after one page.
 */
export const RANKED_MATCH_LIMIT = 2000;
/** Totals above this are reported as "1,000+" rather than counted. */
export const SEARCH_TOTAL_CAP = 1000;

type Filter = Omit<PostFilter, 'limit' | 'offset'> & { limit: number; offset: number };
type Row = Omit<PostsTable, 'seq'> & { snippet: string };

/** Full-text search over posts with the library's filters; `fts` is a query from toFtsQuery. */
export async function searchPosts(db: Db, fts: string, filter: Filter): Promise<PostList> {
  const order = (await rankingCost(db, fts)) <= RANKED_MATCH_LIMIT ? 'relevance' : 'newest';
  const where = whereAll([sql`posts_fts match ${fts}`, ...postFilterConditions(filter)]);

  // CROSS JOIN keeps the FTS table as the outer loop: SQLite otherwise may pick an index on
  // posts and run one full-text match per post.
  const page = await sql<Row>`
    select posts.id, posts.title, posts.body, posts.status, posts.tags, posts.platforms, posts.scheduled_at,
      posts.created_at, posts.updated_at, posts.version, posts.deleted_at,
      snippet(posts_fts, 1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 16) as snippet
    from posts_fts cross join posts on posts.seq = posts_fts.rowid
    where ${where}
    order by ${order === 'relevance' ? sql`bm25(posts_fts, 5.0, 1.0, 2.0), posts_fts.rowid desc` : sql`posts_fts.rowid desc`}
    limit ${filter.limit} offset ${filter.offset}`.execute(db);

  const cap = order === 'relevance' ? RANKED_MATCH_LIMIT : SEARCH_TOTAL_CAP;
  const counted = await countUpTo(db, where, cap + 1);
  return {
    items: page.rows.map((row) => ({ ...toPost(row), snippet: row.snippet })),
    total: Math.min(counted, cap),
    totalCapped: counted > cap,
    order,
  };
}

/** Counts matching rows but stops at `limit`, so a common word costs no more than a page. */
async function countUpTo(db: Db, where: RawBuilder<unknown>, limit: number): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*) as n from (
      select 1 from posts_fts cross join posts on posts.seq = posts_fts.rowid where ${where} limit ${limit})`.execute(
    db,
  );
  return Number(result.rows[0]?.n ?? 0);
}
