import type { Migration } from 'kysely/migration';
import * as identity from './001-identity';
import * as usage from './002-usage';
import * as sessions from './003-sessions';
import * as sync from './004-sync';
import * as relay from './005-relay';

/** Migrations as code, in order. Names are stable: they are recorded in kysely_migration. */
export const serverMigrations: Record<string, Migration> = {
  '001-identity': identity,
  '002-usage': usage,
  '003-sessions': sessions,
  '004-sync': sync,
  '005-relay': relay,
};
