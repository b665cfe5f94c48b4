import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

describe('the prepared statement cache', () => {
  const raw = new SqliteDatabase(':memory:');
  afterEach(() => {
    raw.exec('DROP TABLE IF EXISTS t');
  });

  it('hands back the same statement for the same SQL, and evicts the least recently used', () => {
    const db = withStatementCache(raw, 2);
    const a = db.prepare('SELECT 1 AS one');
    const b = db.prepare('SELECT 2 AS two');
    expect(db.prepare('SELECT 1 AS one')).toBe(a); // a is now the most recently used
    db.prepare('SELECT 3 AS three'); // evicts b
    expect(db.prepare('SELECT 1 AS one')).toBe(a);
    expect(db.prepare('SELECT 2 AS two')).not.toBe(b);
    expect(a.all([])).toEqual([{ one: 1 }]);
  });

  it('a cached statement sees a column added after it was prepared', () => {
    const db = withStatementCache(raw);
    raw.exec('CREATE TABLE t (a INTEGER)');
    db.prepare('INSERT INTO t (a) VALUES (?)').run([1]);
    expect(db.prepare('SELECT * FROM t').all([])).toEqual([{ a: 1 }]);
    raw.exec('ALTER TABLE t ADD COLUMN b TEXT');
    db.prepare('UPDATE t SET b = ?').run(['x']);
    expect(db.prepare('SELECT * FROM t').all([])).toEqual([{ a: 1, b: 'x' }]);
  });
});
