import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppDatabase, type Tx } from '../../db/database';
import { GroupCommit } from './group-commit';

const databases: AppDatabase[] = [];
afterEach(async () => {
  for (const database of databases.splice(0)) await database.close();
});

async function scratch(): Promise<AppDatabase> {
  const database = AppDatabase.inMemory();
  databases.push(database);
  await sql`create table notes (id integer primary key, text text not null)`.execute(database.db);
  return database;
}

const insert = (text: string) => async (tx: Tx) => {
  await sql`insert into notes (text) values (${text})`.execute(tx);
  return text;
};

async function texts(database: AppDatabase): Promise<string[]> {
  const { rows } = await sql<{ text: string }>`select text from notes order by id`.execute(database.db);
  return rows.map((r) => r.text);
}

describe('group commit', () => {
  it('writes reached in the same turn share one transaction, and each resolves after its commit', async () => {
    const database = await scratch();
    const transactions = vi.spyOn(database, 'transaction');
    const group = new GroupCommit(database);
    const results = await Promise.all([group.run(insert('a')), group.run(insert('b')), group.run(insert('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(await texts(database)).toEqual(['a', 'b', 'c']);
    // A later turn is a transaction of its own.
    await group.run(insert('d'));
    expect(transactions).toHaveBeenCalledTimes(2);
  });

  it('a failing write undoes only its own statements; the others commit and its caller gets the error', async () => {
    const database = await scratch();
    const group = new GroupCommit(database);
    const failing = group.run(async (tx) => {
      await sql`insert into notes (text) values ('half')`.execute(tx);
      throw new Error('lease lost');
    });
    const ok = group.run(insert('whole'));
    await expect(failing).rejects.toThrow('lease lost');
    await expect(ok).resolves.toBe('whole');
    expect(await texts(database)).toEqual(['whole']);
  });

  it('runs after-commit hooks only for writes that committed, after the commit', async () => {
    const database = await scratch();
    const group = new GroupCommit(database);
    const seen: string[][] = [];
    const hooked = (text: string, fail: boolean) =>
      group.run(async (tx, afterCommit) => {
        await sql`insert into notes (text) values (${text})`.execute(tx);
        afterCommit(() => void texts(database).then((t) => seen.push(t)));
        if (fail) throw new Error('refused');
      });
    const results = await Promise.allSettled([hooked('kept', false), hooked('undone', true)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    await vi.waitFor(() => expect(seen).toEqual([['kept']]));
  });

  it('a stopped runner writes nothing it had not written already', async () => {
    const database = await scratch();
    let open = true;
    const group = new GroupCommit(
      database,
      () => open,
      () => new Error('stopped'),
    );
    const queued = group.run(insert('late'));
    open = false;
    await expect(queued).rejects.toThrow('stopped');
    expect(await texts(database)).toEqual([]);
  });

  it('a write alone is one plain transaction: its failure rolls it back whole', async () => {
    const database = await scratch();
    const group = new GroupCommit(database);
    await expect(
      group.run(async (tx) => {
        await sql`insert into notes (text) values ('one')`.execute(tx);
        await sql`insert into notes (missing) values ('two')`.execute(tx);
      }),
    ).rejects.toThrow();
    expect(await texts(database)).toEqual([]);
  });
});
