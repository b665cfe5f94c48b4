import { sql } from 'kysely';
import { type MigrationProvider, Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, type ServerDatabase } from '../db/database';
import { serverMigrations } from '../db/migrations';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';

/** 004-sync from a database at 003 that already has a user: up, its constraints, and down again. */
describe('migration 004-sync (real PostgreSQL)', () => {
  let testDatabase: TestDatabase;
  let database: ServerDatabase;
  let migrator: Migrator;
  beforeAll(async () => {
    testDatabase = await createTestDatabase('mig');
    database = createServerDatabase(testDatabase.url, { max: 2 });
    const provider: MigrationProvider = { getMigrations: async () => serverMigrations };
    migrator = new Migrator({ db: database.db, provider });
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  const tables = async () =>
    (
      await sql<{ table_name: string }>`
        select table_name from information_schema.tables
         where table_schema = 'public' and table_name like 'sync_%' order by table_name`.execute(database.db)
    ).rows.map((r) => r.table_name);

  it('adds the change log and keyring, enforces their rules, and goes back down cleanly', async () => {
    expect((await migrator.migrateTo('003-sessions')).error).toBeUndefined();
    const user = await database.db
      .insertInto('users')
      .values({ email: 'before@example.test', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await tables()).toEqual([]);

    expect((await migrator.migrateTo('004-sync')).error).toBeUndefined();
    expect(await tables()).toEqual(['sync_changes', 'sync_keyrings']);
    const device = crypto.randomUUID();
    const row = { user_id: user.id, device_id: device, hlc: 'h1', key_id: 'k1', blob: Buffer.from('x') };
    await database.db.insertInto('sync_changes').values(row).execute();
    await expect(database.db.insertInto('sync_changes').values(row).execute()).rejects.toThrow(/sync_changes_user_hlc/);
    await expect(
      database.db
        .insertInto('sync_changes')
        .values({ ...row, hlc: 'h2', blob: Buffer.alloc(65_537) })
        .execute(),
    ).rejects.toThrow(/check constraint/);
    await expect(
      database.db
        .insertInto('sync_changes')
        .values({ ...row, hlc: 'h3', user_id: crypto.randomUUID() })
        .execute(),
    ).rejects.toThrow(/foreign key/);
    await expect(
      database.db.insertInto('sync_keyrings').values({ user_id: user.id, version: 0, keyring: '{}' }).execute(),
    ).rejects.toThrow(/check constraint/);

    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(await tables()).toEqual([]);
    const users = await database.db.selectFrom('users').select('email').execute();
    expect(users).toEqual([{ email: 'before@example.test' }]);
  });
});
