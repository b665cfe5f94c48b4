/** Placeholder until the relay area defines its tables (this session). */
export type RelayTables = Record<never, never>;
