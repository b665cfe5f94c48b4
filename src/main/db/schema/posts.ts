import type { Generated } from 'kysely';

/** Posts. tags and platforms are JSON arrays; times are ISO-8601 UTC text. */
export interface PostsTable {
  id: string;
  title: string;
  body: string;
  status: string;
  tags: string;
  platforms: string;
  scheduled_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  deleted_at: string | null;
  /** Integer key for the FTS5 index; an explicit column so VACUUM cannot renumber it. */
  seq: Generated<number>;
}

/** Every save of a post, kept so any earlier state can be restored. */
export interface PostRevisionsTable {
  id: Generated<number>;
  post_id: string;
  version: number;
  title: string;
  body: string;
  status: string;
  tags: string;
  platforms: string;
  scheduled_at: string | null;
  created_at: string;
}

/** The FTS5 index over posts (external content; rowid = posts.seq). Written only by triggers. */
export interface PostsFtsTable {
  rowid: number;
  title: string;
  body: string;
  tags: string;
}
