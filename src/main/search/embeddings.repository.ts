import { sql } from 'kysely';
import type { Db } from '../db/database';
import { fromBlob, toBlob } from './vectors';

export interface StoredVector {
  postId: string;
  vector: Float32Array;
}

/** SQL for post_embeddings. */
export class EmbeddingsRepository {
  constructor(private readonly db: Db) {}

  /** Model and content hash per post id (to skip posts whose text and model did not change). */
  async hashes(ids: string[]): Promise<Map<string, { model: string; hash: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('post_embeddings')
      .select(['post_id', 'model', 'content_hash'])
      .where('post_id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.post_id, { model: r.model, hash: r.content_hash }]));
  }

  async upsert(
    rows: { postId: string; model: string; hash: string; vector: Float32Array }[],
    now: string,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto('post_embeddings')
      .values(
        rows.map((r) => ({
          post_id: r.postId,
          model: r.model,
          content_hash: r.hash,
          dims: r.vector.length,
          vector: toBlob(r.vector),
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.column('post_id').doUpdateSet((eb) => ({
          model: eb.ref('excluded.model'),
          content_hash: eb.ref('excluded.content_hash'),
          dims: eb.ref('excluded.dims'),
          vector: eb.ref('excluded.vector'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  /**
   * Vectors of one model and size for posts not in the trash, the most recently updated first,
   * at most `limit` of them (the scan is brute force; see search.service.ts for the measured cost).
   */
  async vectors(model: string, dims: number, limit: number): Promise<StoredVector[]> {
    const rows = await this.db
      .selectFrom('post_embeddings')
      .innerJoin('posts', 'posts.id', 'post_embeddings.post_id')
      .select(['post_embeddings.post_id', 'post_embeddings.vector'])
      .where('post_embeddings.model', '=', model)
      .where('post_embeddings.dims', '=', dims)
      .where('posts.deleted_at', 'is', null)
      .orderBy('posts.updated_at', 'desc')
      .limit(limit)
      .execute();
    return rows.flatMap((row) => {
      const vector = fromBlob(row.vector, dims);
      return vector ? [{ postId: row.post_id, vector }] : [];
    });
  }

  /** Posts (not in the trash) whose vector is from this model. */
  async countIndexed(model: string): Promise<number> {
    const row = await this.db
      .selectFrom('post_embeddings')
      .innerJoin('posts', 'posts.id', 'post_embeddings.post_id')
      .select(sql<number>`count(*)`.as('n'))
      .where('post_embeddings.model', '=', model)
      .where('posts.deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
