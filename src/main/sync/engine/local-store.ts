import type SqliteDatabase from 'better-sqlite3';
import type { SyncValue } from '../../../shared/sync/change';
import { SYNCED_TABLES } from './synced-tables';

/** Column names in sync_field_clock for a row's newest insert and newest delete. */
export const INSERT_MARK = '+';
export const DELETE_MARK = '*';

export interface SyncStateRow {
  cursor: string | null;
  clock: string | null;
  last_synced_at: string | null;
  conflicts_resolved: number;
}

/**
 * The engine's own tables (migration 013) through better-sqlite3 directly: applying a batch is
 * many small statements that must run synchronously inside one transaction.
 */
export class SyncLocalStore {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();

  constructor(readonly raw: SqliteDatabase.Database) {}

  prepare(sqlText: string): SqliteDatabase.Statement {
    let statement = this.statements.get(sqlText);
    if (!statement) {
      statement = this.raw.prepare(sqlText);
      this.statements.set(sqlText, statement);
    }
    return statement;
  }

  /** 0 = capture off, 1 = capturing, 2 = applying remote changes (triggers silent). */
  mode(): number {
    return (this.prepare('select mode from sync_control where id = 1').get() as { mode: number }).mode;
  }

  setMode(mode: 0 | 1 | 2): void {
    this.prepare('update sync_control set mode = ? where id = 1').run(mode);
  }

  /**
   * Turns capture on, queueing every existing synced row as an insert so data written before
   * sync was enabled reaches the other devices. Runs once; later calls do nothing. Fields that
   * already have a clock came from the server in the first pull: queueing them again would stamp
   * them now and let them beat a delete another device made in between, so they are left alone.
   */
  enableCapture(): boolean {
    if (this.mode() !== 0) return false;
    // One wall time for the whole snapshot: each row's fields stay one change.
    const wallMs = Date.now();
    this.raw.transaction(() => {
      for (const spec of SYNCED_TABLES) {
        for (const column of spec.columns) {
          this.raw
            .prepare(
              `insert into sync_changelog (table_name, row_id, op, column_name, value, wall_ms)
               select ?, cast(${spec.key} as text), 'insert', ?, ${column}, ?
               from ${spec.table} as t
               where not exists (
                 select 1 from sync_field_clock c
                 where c.table_name = ? and c.row_id = cast(t.${spec.key} as text) and c.column_name = ?
               )`,
            )
            .run(spec.table, column, wallMs, spec.table, column);
        }
      }
      // Grouping by row needs each row's fields together: reorder what was just queued.
      this.raw.exec(`create temp table sync_seed as select table_name, row_id, op, column_name, value, wall_ms
        from sync_changelog order by table_name, row_id, id`);
      this.raw.exec('delete from sync_changelog');
      this.raw.exec(`insert into sync_changelog (table_name, row_id, op, column_name, value, wall_ms)
        select table_name, row_id, op, column_name, value, wall_ms from sync_seed`);
      this.raw.exec('drop table temp.sync_seed');
      this.setMode(1);
    })();
    return true;
  }

  /**
   * Binds the local sync state to a server device. A different device (another account, or this
   * computer signed in again) reads the server's log from the start and queues every local row
   * again after that first pull; field clocks and unsent changes are kept, so local edits newer
   * than the server's still win and nothing written here is dropped.
   */
  adoptDevice(deviceId: string): boolean {
    const current = (
      this.prepare('select device_id from sync_state where id = 1').get() as { device_id: string | null }
    ).device_id;
    if (current === deviceId) return false;
    this.raw.transaction(() => {
      if (current !== null) {
        this.raw.exec(
          'update sync_state set cursor = null, last_synced_at = null, conflicts_resolved = 0 where id = 1',
        );
        this.setMode(0);
      }
      this.prepare('update sync_state set device_id = ? where id = 1').run(deviceId);
    })();
    return current !== null;
  }

  getClock(table: string, rowId: string, column: string): string | null {
    const row = this.prepare(
      'select hlc from sync_field_clock where table_name = ? and row_id = ? and column_name = ?',
    ).get(table, rowId, column) as { hlc: string } | undefined;
    return row?.hlc ?? null;
  }

  setClock(table: string, rowId: string, column: string, hlc: string): void {
    this.prepare(
      `insert into sync_field_clock (table_name, row_id, column_name, hlc) values (?, ?, ?, ?)
       on conflict (table_name, row_id, column_name) do update set hlc = excluded.hlc`,
    ).run(table, rowId, column, hlc);
  }

  /** Forgets field clocks no newer than a delete (they can never win against a later re-creation). */
  dropFieldClocksUpTo(table: string, rowId: string, hlc: string): void {
    this.prepare(
      `delete from sync_field_clock where table_name = ? and row_id = ? and column_name not in ('+', '*') and hlc <= ?`,
    ).run(table, rowId, hlc);
  }

  /** Newer-than-`hlc` field columns of a row (concurrent updates that survive a delete). */
  fieldsNewerThan(table: string, rowId: string, hlc: string): string[] {
    const rows = this.prepare(
      `select column_name from sync_field_clock where table_name = ? and row_id = ? and column_name not in ('+', '*') and hlc > ?`,
    ).all(table, rowId, hlc) as { column_name: string }[];
    return rows.map((r) => r.column_name);
  }

  /** Alive unless its newest delete is newer than its newest insert. */
  isAlive(table: string, rowId: string): boolean {
    const deleted = this.getClock(table, rowId, DELETE_MARK);
    if (deleted === null) return true;
    const inserted = this.getClock(table, rowId, INSERT_MARK);
    return inserted !== null && inserted > deleted;
  }

  isPendingLocal(hlc: string): boolean {
    return this.prepare('select 1 from sync_outbox where hlc = ?').get(hlc) !== undefined;
  }

  /** Whether any field of a row holds a local write not pushed yet. */
  rowHasPendingLocal(table: string, rowId: string): boolean {
    return (
      this.prepare(
        `select 1 from sync_field_clock f join sync_outbox o on o.hlc = f.hlc
         where f.table_name = ? and f.row_id = ? limit 1`,
      ).get(table, rowId) !== undefined
    );
  }

  shadowFields(table: string, rowId: string): Record<string, SyncValue> {
    const rows = this.prepare('select column_name, value from sync_shadow where table_name = ? and row_id = ?').all(
      table,
      rowId,
    ) as { column_name: string; value: SyncValue }[];
    return Object.fromEntries(rows.map((r) => [r.column_name, r.value]));
  }

  putShadow(table: string, rowId: string, fields: Record<string, SyncValue>): void {
    const statement = this.prepare(
      `insert into sync_shadow (table_name, row_id, column_name, value) values (?, ?, ?, ?)
       on conflict (table_name, row_id, column_name) do update set value = excluded.value`,
    );
    for (const [column, value] of Object.entries(fields)) statement.run(table, rowId, column, value);
  }

  dropShadow(table: string, rowId: string, columns?: string[]): void {
    if (!columns) {
      this.prepare('delete from sync_shadow where table_name = ? and row_id = ?').run(table, rowId);
      return;
    }
    const statement = this.prepare('delete from sync_shadow where table_name = ? and row_id = ? and column_name = ?');
    for (const column of columns) statement.run(table, rowId, column);
  }

  shadowRows(): { table_name: string; row_id: string }[] {
    return this.prepare('select distinct table_name, row_id from sync_shadow').all() as {
      table_name: string;
      row_id: string;
    }[];
  }

  addToOutbox(hlc: string, payload: string): void {
    this.prepare('insert into sync_outbox (hlc, payload) values (?, ?)').run(hlc, payload);
  }

  outboxBatch(limit: number): { hlc: string; payload: string }[] {
    return this.prepare('select hlc, payload from sync_outbox order by hlc limit ?').all(limit) as {
      hlc: string;
      payload: string;
    }[];
  }

  removeFromOutbox(hlcs: string[]): void {
    const statement = this.prepare('delete from sync_outbox where hlc = ?');
    this.raw.transaction(() => {
      for (const hlc of hlcs) statement.run(hlc);
    })();
  }

  /** Local changes not on the server yet: captured (outbox) plus not yet captured (log rows, as rows touched). */
  pendingCount(): number {
    const outbox = (this.prepare('select count(*) as n from sync_outbox').get() as { n: number }).n;
    const log = (
      this.prepare('select count(*) as n from (select distinct table_name, row_id from sync_changelog)').get() as {
        n: number;
      }
    ).n;
    return outbox + log;
  }

  latestLogId(): number {
    return (this.prepare('select coalesce(max(id), 0) as id from sync_changelog').get() as { id: number }).id;
  }

  state(): SyncStateRow {
    return this.prepare(
      'select cursor, clock, last_synced_at, conflicts_resolved from sync_state where id = 1',
    ).get() as SyncStateRow;
  }

  saveCursor(cursor: string): void {
    this.prepare('update sync_state set cursor = ? where id = 1').run(cursor);
  }

  saveClock(clock: string): void {
    this.prepare('update sync_state set clock = ? where id = 1').run(clock);
  }

  addConflicts(count: number): void {
    if (count > 0)
      this.prepare('update sync_state set conflicts_resolved = conflicts_resolved + ? where id = 1').run(count);
  }

  markSynced(at: string): void {
    this.prepare('update sync_state set last_synced_at = ? where id = 1').run(at);
  }
}
