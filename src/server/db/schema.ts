import type { IdentityTables } from './tables/identity';

/**
 * The service's whole schema, one interface per area (src/server/db/tables/<area>.ts), each with
 * its migration in src/server/db/migrations/. Every user-owned table references users(id) ON DELETE
 * CASCADE, so deleting an account removes all of its rows.
 */
export type ServerDb = IdentityTables;
