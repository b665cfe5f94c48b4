import type { ColumnType, Generated } from 'kysely';
import type { Role, Tier } from '../../../shared/sync-api/accounts';

/** Users and their devices: the identity every other table hangs from (ON DELETE CASCADE). */
export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  email_verified_at: Date | null;
  role: Generated<Role>;
  tier: Generated<Tier>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface DevicesTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  platform: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  last_seen_at: Date | null;
  revoked_at: Date | null;
}

export interface IdentityTables {
  users: UsersTable;
  devices: DevicesTable;
}
