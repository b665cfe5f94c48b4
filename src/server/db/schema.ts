import type { IdentityTables } from './tables/identity';
import type { RelayTables } from './tables/relay';
import type { SessionsTables } from './tables/sessions';
import type { SyncTables } from './tables/sync';
import type { UsageTables } from './tables/usage';

/**
 * The service's whole schema, one interface per area (src/server/db/tables/<area>.ts), each with
 * its migration in src/server/db/migrations/. Every user-owned table references users(id) ON DELETE
 * CASCADE, so deleting an account removes all of its rows.
 */
export type ServerDb = IdentityTables & UsageTables & SessionsTables & SyncTables & RelayTables;
