import type { StampedChange, SyncValue } from '../../../shared/sync/change';
import { DELETE_MARK, INSERT_MARK, type SyncLocalStore } from './local-store';
import { keyValue, type SyncedTable, syncedTable, tableOrder } from './synced-tables';

/**
 * Applies remote changes with last-writer-wins per field by HLC. The outcome depends only on the
 * set of changes, not their order: each field ends with its newest value, and a row is present
 * when its newest insert is newer than its newest delete (plain updates never bring a deleted row
 * back). Winning values that cannot be written yet wait in sync_shadow and are retried.
 *
 * Must run inside a transaction with sync_control.mode = 2, so the capture triggers stay silent.
 * Returns the number of conflicts resolved: a remote value that lost to a newer one, or that
 * replaced (or deleted) a local value not yet pushed.
 */
export function applyRemoteChange(store: SyncLocalStore, change: StampedChange): number {
  const spec = syncedTable(change.table);
  // A table this version does not sync (a newer app's) is skipped rather than guessed at.
  if (!spec) return 0;
  return change.op === 'delete' ? applyDelete(store, spec, change.rowId, change.hlc) : applyWrite(store, spec, change);
}

function applyWrite(
  store: SyncLocalStore,
  spec: SyncedTable,
  change: StampedChange & { op: 'insert' | 'update' },
): number {
  const { rowId, hlc } = change;
  if (change.op === 'insert') {
    const inserted = store.getClock(spec.table, rowId, INSERT_MARK);
    if (inserted === null || hlc > inserted) store.setClock(spec.table, rowId, INSERT_MARK, hlc);
  }
  const alive = store.isAlive(spec.table, rowId);
  const deleted = store.getClock(spec.table, rowId, DELETE_MARK);
  // Older than the delete: it would lose to any later re-creation anyway.
  if (!alive && deleted !== null && hlc < deleted) return 0;

  let conflicts = 0;
  const winners: Record<string, SyncValue> = {};
  for (const [column, value] of Object.entries(change.fields)) {
    if (!spec.columns.includes(column)) continue;
    const current = store.getClock(spec.table, rowId, column);
    if (current !== null && current >= hlc) {
      // Losing to a later write by the same device is just history, not a conflict.
      if (current !== hlc && deviceOf(current) !== deviceOf(hlc)) conflicts += 1;
      continue;
    }
    if (current !== null && store.isPendingLocal(current)) conflicts += 1;
    store.setClock(spec.table, rowId, column, hlc);
    winners[column] = value;
  }
  if (Object.keys(winners).length === 0 && change.op === 'update') return conflicts;
  store.putShadow(spec.table, rowId, winners);
  if (alive) materialize(store, spec, rowId);
  return conflicts;
}

function deviceOf(hlc: string): string {
  return hlc.slice(HLC_DEVICE_OFFSET);
}

// `<15 digits>-<5 digits>-` precedes the device id in every stamp.
const HLC_DEVICE_OFFSET = 22;

function applyDelete(store: SyncLocalStore, spec: SyncedTable, rowId: string, hlc: string): number {
  const previous = store.getClock(spec.table, rowId, DELETE_MARK);
  if (previous === null || hlc > previous) store.setClock(spec.table, rowId, DELETE_MARK, hlc);
  if (store.isAlive(spec.table, rowId)) return 0;
  const conflicts = store.rowHasPendingLocal(spec.table, rowId) ? 1 : 0;

  // Fields written after this delete survive it (they win if the row is ever re-created): keep them.
  const newer = store.fieldsNewerThan(spec.table, rowId, hlc);
  const row = selectRow(store, spec, rowId);
  if (row) {
    const keep: Record<string, SyncValue> = {};
    for (const column of newer) if (column in row) keep[column] = row[column] as SyncValue;
    store.putShadow(spec.table, rowId, keep);
  }
  const shadowed = Object.keys(store.shadowFields(spec.table, rowId)).filter((c) => !newer.includes(c));
  store.dropShadow(spec.table, rowId, shadowed);
  store.dropFieldClocksUpTo(spec.table, rowId, hlc);
  store.prepare(`delete from ${spec.table} where ${spec.key} = ?`).run(keyValue(spec, rowId));
  return conflicts;
}

function selectRow(store: SyncLocalStore, spec: SyncedTable, rowId: string): Record<string, unknown> | undefined {
  return store
    .prepare(`select ${spec.columns.join(', ')} from ${spec.table} where ${spec.key} = ?`)
    .get(keyValue(spec, rowId)) as Record<string, unknown> | undefined;
}

function isConstraintError(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')
  );
}

/**
 * Writes a live row's waiting values into its table: an update when the row exists, else an
 * insert. A constraint failure (missing required field, parent row not here yet, a unique rule)
 * leaves the values waiting. Returns whether the row was written.
 */
export function materialize(store: SyncLocalStore, spec: SyncedTable, rowId: string): boolean {
  const fields = store.shadowFields(spec.table, rowId);
  const columns = Object.keys(fields).filter((c) => spec.columns.includes(c));
  if (columns.length === 0) return false;
  const values = columns.map((c) => fields[c] ?? null);
  if (
    writeRow(store, spec, rowId, columns, values) ||
    (evictUniqueLoser(store, spec, rowId, fields) && writeRow(store, spec, rowId, columns, values))
  ) {
    store.dropShadow(spec.table, rowId);
    return true;
  }
  // A reference to a row deleted elsewhere becomes null, as ON DELETE SET NULL made it there.
  let substituted = false;
  const withNulls = values.map((value, index) => {
    const parent = spec.setNullReferences?.[columns[index]!];
    if (!parent || value === null || store.isAlive(parent, String(value))) return value;
    substituted = true;
    return null;
  });
  if (!substituted || !writeRow(store, spec, rowId, columns, withNulls)) return false;
  store.dropShadow(spec.table, rowId);
  return true;
}

/**
 * Two devices created rows that break a unique rule (the same custom phrase): the smaller id wins
 * everywhere, so every device shows the same one; the other waits in the shadow store (and appears
 * if the winner is deleted). Returns whether a row was moved out of the way.
 */
function evictUniqueLoser(
  store: SyncLocalStore,
  spec: SyncedTable,
  rowId: string,
  fields: Record<string, SyncValue>,
): boolean {
  if (!spec.uniqueBy) return false;
  const current = selectRow(store, spec, rowId) ?? {};
  const values = spec.uniqueBy.map((c) => (c in fields ? fields[c] : current[c]) as SyncValue);
  if (values.some((v) => v === null || v === undefined)) return false;
  const where = spec.uniqueBy.map((c) => `${c} = ?`).join(' and ');
  const other = store
    .prepare(`select cast(${spec.key} as text) as id from ${spec.table} where ${where} and ${spec.key} != ?`)
    .get(...values, keyValue(spec, rowId)) as { id: string } | undefined;
  if (!other || !(rowId < other.id)) return false;
  const loser = selectRow(store, spec, other.id)!;
  const waiting = store.shadowFields(spec.table, other.id);
  const keep: Record<string, SyncValue> = {};
  for (const column of spec.columns) if (!(column in waiting)) keep[column] = loser[column] as SyncValue;
  store.putShadow(spec.table, other.id, keep);
  store.prepare(`delete from ${spec.table} where ${spec.key} = ?`).run(keyValue(spec, other.id));
  return true;
}

function writeRow(
  store: SyncLocalStore,
  spec: SyncedTable,
  rowId: string,
  columns: string[],
  values: SyncValue[],
): boolean {
  const key = keyValue(spec, rowId);
  try {
    const exists = store.prepare(`select 1 from ${spec.table} where ${spec.key} = ?`).get(key) !== undefined;
    if (exists) {
      const assignments = columns.map((c) => `${c} = ?`);
      if (spec.bumpsVersion) assignments.push('version = version + 1');
      store.prepare(`update ${spec.table} set ${assignments.join(', ')} where ${spec.key} = ?`).run(...values, key);
    } else {
      const placeholders = columns.map(() => '?').join(', ');
      store
        .prepare(`insert into ${spec.table} (${spec.key}, ${columns.join(', ')}) values (?, ${placeholders})`)
        .run(key, ...values);
    }
  } catch (error) {
    if (isConstraintError(error)) return false;
    throw error;
  }
  return true;
}

/** Retries every live row still waiting, parents first, until a pass makes no progress. */
export function retryShadowRows(store: SyncLocalStore): void {
  for (let pass = 0; pass < SYNCED_PASSES; pass += 1) {
    const rows = store
      .shadowRows()
      .filter((r) => syncedTable(r.table_name) !== undefined && store.isAlive(r.table_name, r.row_id))
      .sort((a, b) => tableOrder(a.table_name) - tableOrder(b.table_name));
    let progressed = false;
    for (const row of rows) if (materialize(store, syncedTable(row.table_name)!, row.row_id)) progressed = true;
    if (!progressed) return;
  }
}

// Each pass can unblock one more level of parent → child; the synced tables are three levels deep.
const SYNCED_PASSES = 4;
