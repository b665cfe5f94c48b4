import { sql } from 'kysely';
import type { Db } from '../db/database';

/** The words of an FTS query built by toFtsQuery: `"word"` or `"prefix"*`. */
const PHRASE = /"([^"]+)"(\*?)/gu;

/**
 * Predicts what bm25 ranking costs: FTS5 computes each phrase's document frequency by walking
 * that phrase's whole doclist, so the cost is about the sum of the posts holding each word (or
 * any word with the prefix). Read from the fts5vocab table, one index range per word.
 */
export async function rankingCost(db: Db, ftsQuery: string): Promise<number> {
  let total = 0;
  for (const match of ftsQuery.matchAll(PHRASE)) {
    // The unicode61 tokenizer folds case and (remove_diacritics 2) accents; do the same here.
    const term = match[1]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const condition = match[2] === '*' ? sql`term >= ${term} and term < ${`${term}\u{10FFFF}`}` : sql`term = ${term}`;
    const row = await sql<{ n: number | null }>`select sum(doc) as n from posts_fts_terms where ${condition}`.execute(
      db,
    );
    total += Number(row.rows[0]?.n ?? 0);
  }
  return total;
}
