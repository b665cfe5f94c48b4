import type { Migration } from 'kysely/migration';
import * as identity from './001-identity';

/** Migrations as code, in order. Names are stable: they are recorded in kysely_migration. */
export const serverMigrations: Record<string, Migration> = {
  '001-identity': identity,
};
