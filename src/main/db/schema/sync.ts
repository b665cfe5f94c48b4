/** Local tables of the sync engine (filled this session). */
export type SyncSchema = Record<never, never>;
