import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ServerDb } from './schema';

export interface ServerDatabase {
  db: Kysely<ServerDb>;
  pool: pg.Pool;
  close(): Promise<void>;
}

// BIGINT (int8) as JS numbers: sequence values stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function createServerDatabase(
  url: string,
  options: { max?: number; applicationName?: string } = {},
): ServerDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'cadence-sync',
    // A dead connection is noticed instead of hanging a request.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client's error (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<ServerDb>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, close: () => db.destroy() };
}
