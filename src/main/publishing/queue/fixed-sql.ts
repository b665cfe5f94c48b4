import { CompiledQuery } from 'kysely';
import type { Db, Tx } from '../../db/database';

/**
 * The queue's per-job statements as fixed SQL text. A job runs about 18 statements, and in the
 * queue's CPU profile Kysely's builder and compiler (building the operation tree, freezing it,
 * sanitizing identifiers) took more time than SQLite running them. Fixed text skips both and
 * still goes through the same connection (so inside a transaction it is part of it) and hits
 * the prepared-statement cache. Only the hot path uses it; everything else stays on the builder.
 */
export async function fixedRows<R>(db: Db | Tx, text: string, parameters: readonly unknown[]): Promise<R[]> {
  const result = await db.executeQuery<R>(CompiledQuery.raw(text, [...parameters]));
  return result.rows;
}

/** Rows changed by a fixed-text write. */
export async function fixedWrite(db: Db | Tx, text: string, parameters: readonly unknown[]): Promise<number> {
  const result = await db.executeQuery(CompiledQuery.raw(text, [...parameters]));
  return Number(result.numAffectedRows ?? 0n);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const updateTexts = new Map<string, string>();

/**
 * `update <table> set a = ?, b = ? where <where>`, the text cached per column list. Columns come
 * from typed change objects; anything that is not a plain identifier is refused, never quoted.
 * Undefined values are left out (as Kysely's `set` does).
 */
export function updateStatement(
  table: string,
  changes: Readonly<Record<string, unknown>>,
  where: string,
): { text: string; values: unknown[] } {
  const columns: string[] = [];
  const values: unknown[] = [];
  for (const [column, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (!IDENTIFIER.test(column)) throw new Error(`not a column name: ${column}`);
    columns.push(column);
    values.push(value);
  }
  if (columns.length === 0) throw new Error(`an update of ${table} needs at least one column`);
  const key = `${table}|${columns.join(',')}|${where}`;
  let text = updateTexts.get(key);
  if (!text) {
    text = `update ${table} set ${columns.map((c) => `${c} = ?`).join(', ')} where ${where}`;
    // Bounded by the few column sets the queue writes; a guard all the same.
    if (updateTexts.size < 200) updateTexts.set(key, text);
  }
  return { text, values };
}
