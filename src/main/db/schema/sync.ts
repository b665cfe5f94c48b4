/** 0 = capture off (sync never enabled), 1 = capturing local writes, 2 = applying remote changes. */
export interface SyncControlTable {
  id: number;
  mode: number;
}

/** One captured local write of one field (insert/update) or one row (delete), in write order. */
export interface SyncChangelogTable {
  id: number;
  table_name: string;
  row_id: string;
  /** 'insert' | 'update' | 'delete' */
  op: string;
  column_name: string | null;
  value: string | number | null;
  wall_ms: number;
}

/** A stamped local change waiting to be sealed and pushed. payload: SyncChangePayload JSON. */
export interface SyncOutboxTable {
  hlc: string;
  payload: string;
}

/** The newest HLC per field; column '+' = newest insert of the row, '*' = newest delete. */
export interface SyncFieldClockTable {
  table_name: string;
  row_id: string;
  column_name: string;
  hlc: string;
}

/** Winning remote values that wait until their row can be written. */
export interface SyncShadowTable {
  table_name: string;
  row_id: string;
  column_name: string;
  value: string | number | null;
}

/** The engine's progress (one row). */
export interface SyncStateTable {
  id: number;
  /** The server device id this progress belongs to. */
  device_id: string | null;
  cursor: string | null;
  clock: string | null;
  last_synced_at: string | null;
  conflicts_resolved: number;
}

/** Local tables of the sync engine (migration 013). */
export interface SyncSchema {
  sync_control: SyncControlTable;
  sync_changelog: SyncChangelogTable;
  sync_outbox: SyncOutboxTable;
  sync_field_clock: SyncFieldClockTable;
  sync_shadow: SyncShadowTable;
  sync_state: SyncStateTable;
}
