import { sql, type Kysely } from 'kysely';

/**
 * Full-text search over posts: an external-content FTS5 table kept in step by triggers, so
 * the text is stored once. Existing posts are indexed by the rebuild at the end.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table posts_fts using fts5(
    title, body, tags,
    content='posts', content_rowid='seq',
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`create trigger posts_fts_after_insert after insert on posts begin
    insert into posts_fts(rowid, title, body, tags) values (new.seq, new.title, new.body, new.tags);
  end`.execute(db);
  await sql`create trigger posts_fts_after_delete after delete on posts begin
    insert into posts_fts(posts_fts, rowid, title, body, tags) values ('delete', old.seq, old.title, old.body, old.tags);
  end`.execute(db);
  await sql`create trigger posts_fts_after_update after update of title, body, tags on posts begin
    insert into posts_fts(posts_fts, rowid, title, body, tags) values ('delete', old.seq, old.title, old.body, old.tags);
    insert into posts_fts(rowid, title, body, tags) values (new.seq, new.title, new.body, new.tags);
  end`.execute(db);
  await sql`insert into posts_fts(posts_fts) values ('rebuild')`.execute(db);
}
