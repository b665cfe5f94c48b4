/** Placeholder until the sync area defines its tables (this session). */
export type SyncTables = Record<never, never>;
