import { type Kysely, sql } from 'kysely';

export interface StorageSnapshot {
  /** Exact row counts per table in the public schema. */
  rows: Record<string, number>;
  /** pg_total_relation_size per table: heap, TOAST and every index. */
  bytes: Record<string, number>;
}

/**
 * Every table's exact rows and on-disk bytes. It reads the catalog rather than naming the sync
 * tables, so whatever the sync area stores per change (log rows, indexes, counters) is counted.
 */
export async function storageSnapshot<T>(db: Kysely<T>): Promise<StorageSnapshot> {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' order by tablename
  `.execute(db);
  const rows: Record<string, number> = {};
  const bytes: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const count = await sql<{ n: number }>`select count(*)::bigint as n from ${sql.table(name)}`.execute(db);
    const size = await sql<{
      b: number;
    }>`select pg_total_relation_size(${sql.lit(`public.${name}`)}::regclass)::bigint as b`.execute(db);
    rows[name] = Number(count.rows[0]?.n ?? 0);
    bytes[name] = Number(size.rows[0]?.b ?? 0);
  }
  return { rows, bytes };
}

export interface StorageGrowth {
  rows: number;
  bytes: number;
  /** Tables that grew, with their row and byte growth, largest first. */
  tables: Array<{ name: string; rows: number; bytes: number }>;
}

export function storageGrowth(before: StorageSnapshot, after: StorageSnapshot): StorageGrowth {
  const tables = Object.keys(after.rows)
    .map((name) => ({
      name,
      rows: after.rows[name]! - (before.rows[name] ?? 0),
      bytes: after.bytes[name]! - (before.bytes[name] ?? 0),
    }))
    .filter((t) => t.rows !== 0 || t.bytes !== 0)
    .sort((a, b) => b.bytes - a.bytes);
  return {
    rows: tables.reduce((sum, t) => sum + t.rows, 0),
    bytes: tables.reduce((sum, t) => sum + t.bytes, 0),
    tables,
  };
}
