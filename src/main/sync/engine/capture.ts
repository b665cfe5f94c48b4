import type { HybridLogicalClock } from '../../../shared/sync/hlc';
import type { StampedChange, SyncValue } from '../../../shared/sync/change';
import { DELETE_MARK, INSERT_MARK, type SyncLocalStore } from './local-store';

interface LogRow {
  id: number;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete';
  column_name: string | null;
  value: SyncValue;
  wall_ms: number;
}

/** Above this a row write is split into one change per field, keeping each sealed change under 64 KiB. */
const SPLIT_JSON_BYTES = 48 * 1024;

/**
 * Turns the trigger-written change log into HLC-stamped outbox entries and records their stamps
 * as the fields' clocks. Consecutive log rows of one row write (same table, row, op and wall
 * time) become one change. Runs inside the caller's transaction; returns how many changes it made.
 *
 * `wallOffsetMs` shifts the triggers' wall time onto the engine's clock (0 in the app; tests use
 * it to run a device whose clock is hours off).
 */
export function captureLocalChanges(store: SyncLocalStore, clock: HybridLogicalClock, wallOffsetMs: number): number {
  const rows = store.prepare('select * from sync_changelog order by id').all() as LogRow[];
  if (rows.length === 0) return 0;
  let made = 0;
  let group: LogRow[] = [];
  const flush = () => {
    if (group.length > 0) made += stampGroup(store, clock, group, wallOffsetMs);
    group = [];
  };
  for (const row of rows) {
    const head = group[0];
    const sameWrite =
      head !== undefined &&
      row.op !== 'delete' &&
      head.op === row.op &&
      head.table_name === row.table_name &&
      head.row_id === row.row_id &&
      head.wall_ms === row.wall_ms;
    if (!sameWrite) flush();
    group.push(row);
  }
  flush();
  store.prepare('delete from sync_changelog where id <= ?').run(rows[rows.length - 1]!.id);
  store.saveClock(clock.current());
  return made;
}

function stampGroup(store: SyncLocalStore, clock: HybridLogicalClock, group: LogRow[], wallOffsetMs: number): number {
  const { table_name: table, row_id: rowId, op, wall_ms: wall } = group[0]!;
  if (op === 'delete') {
    const hlc = clock.send(wall + wallOffsetMs);
    store.setClock(table, rowId, DELETE_MARK, hlc);
    store.dropFieldClocksUpTo(table, rowId, hlc);
    store.dropShadow(table, rowId);
    const change: StampedChange = { v: 1, op: 'delete', table, rowId, hlc };
    store.addToOutbox(hlc, JSON.stringify(change));
    return 1;
  }
  const fields: Record<string, SyncValue> = {};
  for (const row of group) if (row.column_name !== null) fields[row.column_name] = row.value;
  const parts = splitFields(fields);
  parts.forEach((part, index) => {
    const hlc = clock.send(wall + wallOffsetMs);
    const partOp = index === 0 ? op : 'update';
    if (partOp === 'insert') store.setClock(table, rowId, INSERT_MARK, hlc);
    for (const column of Object.keys(part)) store.setClock(table, rowId, column, hlc);
    // Local writes are the newest thing this device knows: waiting remote values for these fields lose.
    store.dropShadow(table, rowId, partOp === 'insert' ? undefined : Object.keys(part));
    const change: StampedChange = { v: 1, op: partOp, table, rowId, fields: part, hlc };
    store.addToOutbox(hlc, JSON.stringify(change));
  });
  return parts.length;
}

function splitFields(fields: Record<string, SyncValue>): Record<string, SyncValue>[] {
  const entries = Object.entries(fields);
  if (entries.length <= 1 || Buffer.byteLength(JSON.stringify(fields)) <= SPLIT_JSON_BYTES) return [fields];
  return entries.map(([column, value]) => ({ [column]: value }));
}
