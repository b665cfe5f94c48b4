import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../shared/sync-api/sync';
import { createTestUser, startTestSyncServer, type TestSyncServer } from '../../../test/support/sync-server';
import { makeChanges, postJson } from './sync-test-helpers';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The server as it is deployed: src/server/main.ts bundled (packages external), in its own
 * process, so the test can SIGKILL it like the kernel's OOM killer or a node failure would.
 */
async function bundleServer(): Promise<{ path: string; dispose(): Promise<void> }> {
  const dir = join(REPO_ROOT, 'node_modules', '.cache', 'cadence-sync-server');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `server-${process.pid}-${Date.now().toString(36)}.mjs`);
  await build({
    input: join(REPO_ROOT, 'src', 'server', 'main.ts'),
    platform: 'node',
    // Every bare import (packages, node: built-ins) resolves from node_modules at run time.
    external: [/^[^./]/],
    logLevel: 'warn',
    output: { file: path, format: 'esm' },
  });
  return { path, dispose: () => rm(path, { force: true }) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls until `probe` gives a value. A probe that throws an Error ends the wait with it. */
async function until<T>(probe: () => Promise<T | null | undefined | false>): Promise<T> {
  for (;;) {
    const value = await probe().catch((error: unknown) => {
      // fetch's refused connection (the server is still starting) is a TypeError: keep waiting.
      if (error instanceof TypeError) return null;
      throw error;
    });
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a push cut off by a crash (server in a child process, SIGKILL)', () => {
  let server: TestSyncServer;
  let bundle: { path: string; dispose(): Promise<void> };
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    [server, bundle] = await Promise.all([startTestSyncServer(), bundleServer()]);
  }, 60_000);
  afterAll(async () => {
    child?.kill('SIGKILL');
    await server?.close();
    await bundle?.dispose();
  });

  it('leaves nothing behind, and the retry stores exactly what one clean push stores', async () => {
    const user = await createTestUser(server);
    const reference = await createTestUser(server);
    // Close to the 8 MiB request limit: 1,000 changes of about 4.8 KB each.
    const changes = makeChanges(user.deviceId, 1000, { bytes: 4800 });

    const port = await freePort();
    let stderr = '';
    child = spawn(process.execPath, [bundle.path], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: server.config.DATABASE_URL,
        JWT_SECRET: server.config.JWT_SECRET,
        SMTP_URL: server.config.SMTP_URL,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child?.once('exit', (_code, signal) => resolve(signal)),
    );
    const childUrl = `http://127.0.0.1:${port}`;
    await until(async () => {
      if (child?.exitCode !== null) throw new Error(`The server process exited: ${stderr}`);
      return (await fetch(`${childUrl}/readyz`)).ok;
    });

    // Another session holds the batch's last row, uncommitted: the child's INSERT writes the 999
    // before it and then waits for that session. That is the moment to kill it: mid-transaction.
    const blocker = new pg.Client({ connectionString: server.config.DATABASE_URL });
    // The database is dropped with FORCE at the end; a client still open then must not crash the run.
    blocker.on('error', () => undefined);
    await blocker.connect();
    await blocker.query('begin');
    const last = changes.at(-1)!;
    await blocker.query(
      `insert into sync_changes (user_id, device_id, hlc, key_id, blob) values ($1, $2, $3, $4, decode($5, 'base64'))`,
      [user.userId, user.deviceId, last.hlc, last.keyId, last.blob],
    );

    const inFlight = postJson(`${childUrl}/v1/sync/push`, user.headers, { changes, sentAt: Date.now() }).then(
      (response) => response.status,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    // Watched from a third session: inside the blocker's transaction pg_stat_activity is a
    // snapshot taken at its first read and would never show the wait.
    const observer = new pg.Client({ connectionString: server.config.DATABASE_URL });
    observer.on('error', () => undefined);
    await observer.connect();
    const waiting = await until(async () => {
      const rows = await observer.query<{ pid: number }>(
        `select pid from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()
            and wait_event_type = 'Lock' and query ilike 'insert into "sync_changes"%'`,
      );
      return rows.rows[0];
    });

    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // The request never got an answer.
    expect(typeof (await inFlight)).toBe('string');
    await blocker.query('rollback');
    // The orphaned backend finishes its statement, finds its client gone and rolls back.
    await until(async () => {
      const rows = await observer.query('select 1 from pg_stat_activity where pid = $1', [waiting.pid]);
      return rows.rowCount === 0;
    });
    const afterCrash = await observer.query('select count(*)::int as n from sync_changes where user_id = $1', [
      user.userId,
    ]);
    await Promise.all([blocker.end(), observer.end()]);
    expect(afterCrash.rows[0]).toEqual({ n: 0 });

    // The device retries against another, healthy instance.
    const fresh = await server.startInstance();
    const retry = await postJson(`${fresh.url}/v1/sync/push`, user.headers, { changes, sentAt: Date.now() });
    expect(retry.status).toBe(200);
    expect(pushResponseSchema.parse(await retry.json()).accepted).toBe(1000);
    const again = await postJson(`${fresh.url}/v1/sync/push`, user.headers, { changes, sentAt: Date.now() });
    expect(pushResponseSchema.parse(await again.json()).accepted).toBe(0);

    // The same batch pushed once, cleanly, by another user is the reference log.
    const clean = await postJson(`${server.url}/v1/sync/push`, reference.headers, { changes, sentAt: Date.now() });
    expect(pushResponseSchema.parse(await clean.json()).accepted).toBe(1000);

    const logOf = async (userId: string) =>
      (
        await server.database.db
          .selectFrom('sync_changes')
          .select(['hlc', 'key_id', 'blob'])
          .where('user_id', '=', userId)
          .orderBy('seq')
          .execute()
      ).map((row) => `${row.hlc} ${row.key_id} ${row.blob.toString('base64')}`);
    const recovered = await logOf(user.userId);
    expect(recovered).toHaveLength(1000);
    expect(new Set(recovered).size).toBe(1000);
    expect(recovered).toEqual(await logOf(reference.userId));
    expect(recovered).toEqual(changes.map((c) => `${c.hlc} ${c.keyId} ${c.blob}`));
  }, 90_000);
});
