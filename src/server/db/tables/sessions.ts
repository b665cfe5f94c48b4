/** Placeholder until the sessions area defines its tables (this session). */
export type SessionsTables = Record<never, never>;
