import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared; queries with variable IN-lists make new texts, so the cache is bounded. */
const DEFAULT_CAPACITY = 500;

/**
 * Kysely's SQLite driver prepares every query anew (~1 ms per publish job in the queue's profile).
 * This hands it the same prepared statement for the same SQL text instead, least recently used
 * evicted first. Safe here because queries run one at a time on one connection and nothing uses
 * Kysely's streaming (a statement being iterated could not serve a second query).
 */
export function withStatementCache(
  raw: SqliteDatabase.Database,
  capacity: number = DEFAULT_CAPACITY,
): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      raw.close();
    },
    prepare: (sql: string): SqliteStatement => {
      const cached = statements.get(sql);
      if (cached) {
        // Map keeps insertion order: re-inserting marks it most recently used.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = raw.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
