import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

let clusterUrl: string | undefined;

/** Starts (or finds) the project's PostgreSQL on 127.0.0.1 through scripts/postgres.sh. */
export function postgresUrl(): string {
  if (process.env.CADENCE_TEST_DATABASE_URL) return process.env.CADENCE_TEST_DATABASE_URL;
  if (!clusterUrl) {
    const script = fileURLToPath(new URL('../../scripts/postgres.sh', import.meta.url));
    try {
      clusterUrl = execFileSync('bash', [script, 'start'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }).trim();
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      throw new Error(
        `PostgreSQL could not start for the tests (scripts/postgres.sh): ${stderr.trim() || String(error)}`,
        { cause: error },
      );
    }
  }
  return clusterUrl;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database in the test cluster, so test files never see each other's rows. */
export async function createTestDatabase(prefix = 't'): Promise<TestDatabase> {
  const base = postgresUrl();
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
