import { existsSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { AppDatabase } from './database';
import { type Migration, migrations as allMigrations } from './migrations';

export interface MigrationReport {
  applied: string[];
  backupPath: string | null;
}

/**
 * Brings the database to the newest schema. When anything is pending on a database that has
 * data, the file is first copied aside (`<db>.before-<migration>.bak`); then every pending
 * migration runs in ONE transaction: all apply or none. (Kysely's own Migrator runs SQLite
 * migrations outside a transaction, since its adapter reports no transactional DDL; SQLite has
 * it, so this runner uses it.)
 */
export async function migrateToLatest(
  database: AppDatabase,
  migrations: Record<string, Migration> = allMigrations,
): Promise<MigrationReport> {
  const { db } = database;
  await sql`create table if not exists schema_migrations (name varchar(255) primary key, timestamp varchar(255) not null)`.execute(
    db,
  );
  const done = new Set(listAppliedMigrations(database).map((m) => m.name));
  const pending = Object.keys(migrations)
    .sort()
    .filter((name) => !done.has(name));
  if (pending.length === 0) return { applied: [], backupPath: null };

  let backupPath: string | null = null;
  if (done.size > 0 && database.path !== ':memory:') {
    backupPath = `${database.path}.before-${pending[0]}.bak`;
    if (!existsSync(backupPath)) database.backupTo(backupPath);
  }

  let current = '';
  try {
    await db.transaction().execute(async (tx) => {
      for (const name of pending) {
        current = name;
        await migrations[name]!.up(tx as unknown as Kysely<unknown>);
        await sql`insert into schema_migrations (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(
          tx,
        );
      }
    });
  } catch (error) {
    throw new Error(
      `Database migration ${current} failed; nothing was changed` +
        (backupPath ? ` (a copy was kept at ${backupPath})` : '') +
        `: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return { applied: pending, backupPath };
}

export function listAppliedMigrations(database: AppDatabase): { name: string; appliedAt: string }[] {
  const rows = database.raw.prepare('select name, timestamp from schema_migrations order by name').all() as {
    name: string;
    timestamp: string;
  }[];
  return rows.map((r) => ({ name: r.name, appliedAt: r.timestamp }));
}
