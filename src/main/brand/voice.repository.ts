import { sql } from 'kysely';
import type { VoiceCues, VoiceField, VoiceFields } from '../../shared/domain/brand';
import type { Platform } from '../../shared/domain/platform';
import type { AppDatabase } from '../db/database';
import type { VoicePost } from './voice-analysis';

/** What the voice_profile row's JSON holds. */
export interface StoredVoice {
  fields: VoiceFields;
  cues: VoiceCues | null;
  learnedFrom: number;
  learnedSource: 'published' | 'all' | null;
  editedFields: VoiceField[];
}

export interface VoiceRow {
  voice: StoredVoice;
  learnedAt: string | null;
  editedAt: string | null;
}

/** Learning reads at most this many posts (the newest): enough for habits, bounded in time. */
export const VOICE_POST_LIMIT = 500;

/** A post that went out: published here, or imported with its publication. */
const PUBLISHED = sql<boolean>`(posts.status = 'published' or exists (select 1 from post_publications pp where pp.post_id = posts.id))`;
const USABLE = sql<boolean>`posts.deleted_at is null and length(trim(posts.body)) > 0`;

interface PostRow {
  id: string;
  body: string;
  platforms: string;
}

function toVoicePost(row: PostRow): VoicePost {
  return { id: row.id, body: row.body, platforms: JSON.parse(row.platforms) as Platform[] };
}

/** SQL for the brand voice: its single row, and the creator's posts it learns from and quotes. */
export class VoiceRepository {
  constructor(private readonly database: AppDatabase) {}

  async get(): Promise<VoiceRow | undefined> {
    const row = await this.database.db.selectFrom('voice_profile').selectAll().where('id', '=', 1).executeTakeFirst();
    if (row === undefined) return undefined;
    return { voice: JSON.parse(row.profile) as StoredVoice, learnedAt: row.learned_at, editedAt: row.edited_at };
  }

  async put(row: VoiceRow): Promise<void> {
    const values = {
      id: 1,
      profile: JSON.stringify(row.voice),
      learned_at: row.learnedAt,
      edited_at: row.editedAt,
    };
    await this.database.db
      .insertInto('voice_profile')
      .values(values)
      .onConflict((conflict) =>
        conflict
          .column('id')
          .doUpdateSet({ profile: values.profile, learned_at: values.learned_at, edited_at: values.edited_at }),
      )
      .execute();
  }

  /** How many usable posts there are: published (or imported) ones, and all. */
  async counts(): Promise<{ published: number; all: number }> {
    const result = await sql<{ published: number; all: number }>`
      select coalesce(sum(case when ${PUBLISHED} then 1 else 0 end), 0) as published, count(*) as "all"
      from posts where ${USABLE}`.execute(this.database.db);
    const row = result.rows[0];
    return { published: Number(row?.published ?? 0), all: Number(row?.all ?? 0) };
  }

  /** The newest usable posts, published (or imported) ones only when `publishedOnly`. */
  async recent(limit: number, publishedOnly: boolean): Promise<VoicePost[]> {
    const result = await sql<PostRow>`
      select posts.id, posts.body, posts.platforms from posts
      where ${USABLE} and ${publishedOnly ? PUBLISHED : sql`1`}
      order by posts.created_at desc, posts.seq desc limit ${limit}`.execute(this.database.db);
    return result.rows.map(toVoicePost);
  }

  /** How many posts hold each term (fts5vocab); terms must be folded as the index folds them. */
  async termDocumentCounts(terms: readonly string[]): Promise<Map<string, number>> {
    if (terms.length === 0) return new Map();
    const result = await sql<{ term: string; doc: number }>`
      select term, doc from posts_fts_terms where term in (${sql.join(terms.map((term) => sql`${term}`))})`.execute(
      this.database.db,
    );
    return new Map(result.rows.map((row) => [row.term, Number(row.doc)]));
  }

  /** Usable posts matching an FTS5 query, best bm25 first. */
  async search(ftsQuery: string, limit: number, publishedOnly: boolean): Promise<VoicePost[]> {
    const result = await sql<PostRow>`
      select posts.id, posts.body, posts.platforms
      from posts_fts cross join posts on posts.seq = posts_fts.rowid
      where posts_fts match ${ftsQuery} and ${USABLE} and ${publishedOnly ? PUBLISHED : sql`1`}
      order by bm25(posts_fts, 5.0, 1.0, 2.0), posts_fts.rowid desc
      limit ${limit}`.execute(this.database.db);
    return result.rows.map(toVoicePost);
  }

  /** The usable posts among `ids`, in the order given. */
  async byIds(ids: readonly string[]): Promise<VoicePost[]> {
    if (ids.length === 0) return [];
    const result = await sql<PostRow>`
      select posts.id, posts.body, posts.platforms from posts
      where ${USABLE} and posts.id in (${sql.join(ids.map((id) => sql`${id}`))})`.execute(this.database.db);
    const byId = new Map(result.rows.map((row) => [row.id, toVoicePost(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}
