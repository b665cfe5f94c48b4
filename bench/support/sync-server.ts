import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AccessTokens } from '../../src/server/auth/access-token';
import { createServerDatabase, type ServerDatabase } from '../../src/server/db/database';
import { createTestDatabase, type TestDatabase } from '../../test/support/postgres';
import { CACHE_DIR } from '../bench-record';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Long enough for the 10-minute connection run: the benches sign tokens once. */
const TOKEN_TTL_SECONDS = 3_600;

/** One running `node out/server/main.js`, exactly what `npm run server` and the image run. */
export interface BenchInstance {
  url: string;
  pid: number;
  /** Where its stdout/stderr go (shown when a bench fails). */
  logPath: string;
}

export interface BenchDevice {
  userId: string;
  deviceId: string;
  token: string;
}

export interface BenchSyncServer {
  instances: BenchInstance[];
  /** A pool of the bench's own, for seeding users and measuring storage (not the servers'). */
  database: ServerDatabase;
  testDatabase: TestDatabase;
  /** `users` users with `devicesPerUser` signed-in devices each, written straight to the tables. */
  createUsers(users: number, devicesPerUser: number): Promise<BenchDevice[][]>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The sync server exited with code ${child.exitCode} before it was ready (log: ${logPath}).`);
    }
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The sync server at ${url} was not ready within 60 s (log: ${logPath}).`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Real sync-service processes for a bench: a fresh database in the project's PostgreSQL
 * (scripts/postgres.sh), the service bundled by scripts/build-server.sh (as `npm run server`
 * does) and `instances` processes of it on that database, each on its own port. Running them as
 * processes keeps the bench's clients off the server's heap and CPU accounting.
 */
export async function startBenchSyncServer(
  options: { instances?: number; env?: Record<string, string> } = {},
): Promise<BenchSyncServer> {
  execFileSync('bash', [join(REPO_ROOT, 'scripts', 'build-server.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const testDatabase = await createTestDatabase('bench_sync');
  const jwtSecret = randomBytes(32).toString('hex');
  const children: ChildProcess[] = [];
  const instances: BenchInstance[] = [];
  const logDir = join(CACHE_DIR, 'sync-server-logs');
  mkdirSync(logDir, { recursive: true });
  let database: ServerDatabase | undefined;

  const close = async () => {
    await Promise.all(children.map(stopChild));
    await database?.close();
    await testDatabase.drop();
  };

  try {
    // One at a time: the first applies the migrations, the next find them applied.
    for (let i = 0; i < (options.instances ?? 1); i++) {
      const port = await freePort();
      const logPath = join(logDir, `instance-${i}.log`);
      const log = createWriteStream(logPath);
      const child = spawn(process.execPath, ['--enable-source-maps', join(REPO_ROOT, 'out', 'server', 'main.js')], {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: testDatabase.url,
          JWT_SECRET: jwtSecret,
          HOST: '127.0.0.1',
          PORT: String(port),
          ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
          // Request logs would cost the server CPU the figures should not include.
          LOG_LEVEL: 'warn',
          // Every bench client comes from 127.0.0.1: per-IP limits would throttle the load itself.
          RATE_LIMITS: 'off',
          // No mail is sent by sync; a closed port makes any attempt fail loudly in the log.
          SMTP_URL: 'smtp://127.0.0.1:9',
          DB_POOL_MAX: '10',
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.pipe(log);
      child.stderr?.pipe(log);
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      await waitReady(url, child, logPath);
      instances.push({ url, pid: child.pid ?? 0, logPath });
    }
    database = createServerDatabase(testDatabase.url, { max: 4, applicationName: 'cadence-bench' });
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  const db = database.db;
  const tokens = new AccessTokens(jwtSecret, TOKEN_TTL_SECONDS);

  return {
    instances,
    database,
    testDatabase,
    close,
    async createUsers(users, devicesPerUser) {
      const result: BenchDevice[][] = [];
      const tag = randomBytes(4).toString('hex');
      // Batches keep each INSERT's parameter count far below PostgreSQL's 65,535.
      for (let start = 0; start < users; start += 500) {
        const count = Math.min(500, users - start);
        const rows = await db
          .insertInto('users')
          .values(
            Array.from({ length: count }, (_, i) => ({
              email: `bench-${tag}-${start + i}@example.test`,
              password_hash: 'bench-user-signs-in-with-a-token',
              email_verified_at: new Date(),
            })),
          )
          .returning('id')
          .execute();
        const devices = await db
          .insertInto('devices')
          .values(
            rows.flatMap((row) =>
              Array.from({ length: devicesPerUser }, (_, d) => ({
                user_id: row.id,
                name: `Bench device ${d + 1}`,
                platform: 'linux',
              })),
            ),
          )
          .returning(['id', 'user_id'])
          .execute();
        for (const row of rows) {
          const own = devices.filter((device) => device.user_id === row.id);
          result.push(
            await Promise.all(
              own.map(async (device) => ({
                userId: row.id,
                deviceId: device.id,
                token: await tokens.sign({ userId: row.id, deviceId: device.id, role: 'user' }),
              })),
            ),
          );
        }
      }
      return result;
    },
  };
}

/** Resident and V8-heap memory of one instance, from its own Prometheus endpoint. */
export async function instanceMemory(instance: BenchInstance): Promise<{ rssBytes: number; heapUsedBytes: number }> {
  const text = await (await fetch(`${instance.url}/metrics`)).text();
  const read = (name: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    if (!line) throw new Error(`The server's /metrics has no ${name}.`);
    return Number(line.split(' ')[1]);
  };
  return { rssBytes: read('process_resident_memory_bytes'), heapUsedBytes: read('nodejs_heap_size_used_bytes') };
}
