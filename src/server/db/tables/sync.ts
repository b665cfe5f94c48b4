import type { ColumnType, Generated } from 'kysely';
import type { Keyring } from '../../../shared/sync-api/sync';

/**
 * The per-user change log. The server cannot read a change: `blob` is the device's sealed bytes
 * (stored decoded, a quarter smaller than base64). `seq` is global and only grows; within one user
 * it also follows commit order (pushes of a user are serialised), which makes it a safe cursor.
 */
export interface SyncChangesTable {
  seq: Generated<number>;
  user_id: string;
  /** The device that pushed it (from its access token), so the others can tell it apart. */
  device_id: string;
  hlc: string;
  key_id: string;
  blob: Buffer;
  received_at: ColumnType<Date, Date | undefined, never>;
}

/** The keyring as devices send it (everything but `version`, which the server owns). */
export type StoredKeyring = Omit<Keyring, 'version'>;

/** One keyring per user: wrapped data keys the server cannot unwrap, guarded by `version`. */
export interface SyncKeyringsTable {
  user_id: string;
  version: number;
  /** jsonb: written as a JSON string, read back as an object (parsed with the wire schema). */
  keyring: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface SyncTables {
  sync_changes: SyncChangesTable;
  sync_keyrings: SyncKeyringsTable;
}
