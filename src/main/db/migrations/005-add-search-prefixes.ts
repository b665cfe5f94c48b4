import { sql, type Kysely } from 'kysely';

/**
 * Faster search-as-you-type: the FTS5 index gains prefix indexes for 2 and 3 characters (so
 * "gr"* and "gro"* do not expand every term), and trashed posts get a partial index (the startup
 * purge stops scanning every post), and an fts5vocab table exposes per-term document counts.
 * FTS5 cannot add prefix indexes in place, so the index and its triggers are rebuilt.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const trigger of ['posts_fts_after_insert', 'posts_fts_after_delete', 'posts_fts_after_update']) {
    await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
  }
  await sql`drop table posts_fts`.execute(db);
  await sql`create virtual table posts_fts using fts5(
    title, body, tags,
    content='posts', content_rowid='seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
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
  // How many posts hold each term: lets a search predict what ranking will cost before it ranks.
  await sql`create virtual table posts_fts_terms using fts5vocab(posts_fts, 'row')`.execute(db);
  await sql`create index posts_trashed on posts(deleted_at) where deleted_at is not null`.execute(db);
}
