import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverErrorBodySchema } from '../../shared/sync-api/errors';
import { keyringSchema, pullResponseSchema, pushResponseSchema, type Keyring } from '../../shared/sync-api/sync';
import {
  addTestDevice,
  createTestUser,
  startTestSyncServer,
  type TestSyncServer,
  type TestUser,
} from '../../../test/support/sync-server';
import pg from 'pg';
import { AccessTokens } from '../auth/access-token';
import { PUSH_LOCK_NAMESPACE } from './change-log';
import { hlcAt, makeChanges, postJson } from './sync-test-helpers';

describe('sync push and pull (real PostgreSQL)', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const push = async (user: TestUser, body: unknown) => postJson(`${server.url}/v1/sync/push`, user.headers, body);
  const pushOk = async (user: TestUser, changes: unknown[]) => {
    const response = await push(user, { changes, sentAt: Date.now() });
    expect(response.status).toBe(200);
    return pushResponseSchema.parse(await response.json());
  };
  const pull = async (user: TestUser, query = '') => {
    const response = await fetch(`${server.url}/v1/sync/pull${query}`, { headers: user.headers });
    expect(response.status).toBe(200);
    return pullResponseSchema.parse(await response.json());
  };
  const errorOf = async (response: Response) => serverErrorBodySchema.parse(await response.json()).error;

  it('stores a push and gives it back oldest first, marked with the pushing device', async () => {
    const laptop = await createTestUser(server);
    const phone = await addTestDevice(server, laptop);
    const first = makeChanges(laptop.deviceId, 3, { startMillis: Date.now() - 5_000 });
    const second = makeChanges(phone.deviceId, 2);
    const a = await pushOk(laptop, first);
    const b = await pushOk(phone, second);
    expect(a.accepted).toBe(3);
    expect(b.accepted).toBe(2);
    expect(Number(b.cursor)).toBeGreaterThan(Number(a.cursor));
    expect(Math.abs(b.serverTime - Date.now())).toBeLessThan(60_000);

    const page = await pull(phone);
    expect(page.hasMore).toBe(false);
    expect(page.cursor).toBe(b.cursor);
    expect(page.changes).toEqual([
      ...first.map((c) => ({ ...c, deviceId: laptop.deviceId })),
      ...second.map((c) => ({ ...c, deviceId: phone.deviceId })),
    ]);
    // From the cursor of the first push, only the second device's changes follow.
    const after = await pull(laptop, `?cursor=${a.cursor}`);
    expect(after.changes.map((c) => c.hlc)).toEqual(second.map((c) => c.hlc));
  });

  it('pages with the cursor and says when more is waiting', async () => {
    const user = await createTestUser(server);
    const changes = makeChanges(user.deviceId, 25);
    const pushed = await pushOk(user, changes);
    const seen: string[] = [];
    let cursor = '';
    const pages: boolean[] = [];
    for (;;) {
      const page = await pull(user, `?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.changes.map((c) => c.hlc));
      pages.push(page.hasMore);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages).toEqual([true, true, false]);
    expect(seen).toEqual(changes.map((c) => c.hlc));
    expect(cursor).toBe(pushed.cursor);
    const empty = await pull(user, `?cursor=${cursor}`);
    expect(empty).toMatchObject({ changes: [], hasMore: false, cursor });
  });

  it('treats a retried push as a no-op: accepted 0 and the same cursor', async () => {
    const user = await createTestUser(server);
    const changes = makeChanges(user.deviceId, 40);
    const first = await pushOk(user, changes);
    const retry = await pushOk(user, changes);
    expect(first.accepted).toBe(40);
    expect(retry).toMatchObject({ accepted: 0, cursor: first.cursor });
    // A retry that overlaps a new batch stores only the new ones.
    const more = makeChanges(user.deviceId, 5, { startMillis: Date.now() + 1_000 });
    const overlap = await pushOk(user, [...changes.slice(30), ...more]);
    expect(overlap.accepted).toBe(5);
    // Duplicates inside one request count once.
    const dup = makeChanges(user.deviceId, 1, { startMillis: Date.now() + 2_000 });
    expect((await pushOk(user, [dup[0], dup[0]])).accepted).toBe(1);
    const stored = await server.database.db
      .selectFrom('sync_changes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', user.userId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(46);
  });

  it("serialises one user's pushes so a pull's cursor never steps past a row still being written", async () => {
    const user = await createTestUser(server);
    const other = await createTestUser(server);
    // Another push of this user, in flight: it holds the user's lock and has written a row (seq N)
    // that is not committed yet.
    const earlier = new pg.Client({ connectionString: server.config.DATABASE_URL });
    earlier.on('error', () => undefined);
    await earlier.connect();
    const watcher = new pg.Client({ connectionString: server.config.DATABASE_URL });
    watcher.on('error', () => undefined);
    await watcher.connect();
    try {
      await earlier.query('begin');
      await earlier.query('select pg_advisory_xact_lock($1::int, hashtext($2))', [PUSH_LOCK_NAMESPACE, user.userId]);
      const slow = makeChanges(user.deviceId, 1, { startMillis: Date.now() - 1_000 })[0]!;
      await earlier.query(
        `insert into sync_changes (user_id, device_id, hlc, key_id, blob) values ($1, $2, $3, $4, decode($5, 'base64'))`,
        [user.userId, user.deviceId, slow.hlc, slow.keyId, slow.blob],
      );

      const later = makeChanges(user.deviceId, 1);
      let answered = false;
      const pending = push(user, { changes: later, sentAt: Date.now() }).then((response) => {
        answered = true;
        return response;
      });
      // The later push waits for the lock instead of committing a higher seq first...
      for (;;) {
        const waiting = await watcher.query(
          `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'
              and wait_event = 'advisory'`,
        );
        if (waiting.rowCount) break;
        expect(answered, 'the later push committed while an earlier one was in flight').toBe(false);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // ...while other users push freely.
      expect((await pushOk(other, makeChanges(other.deviceId, 1))).accepted).toBe(1);
      const meanwhile = await pull(user);
      expect(meanwhile.changes).toHaveLength(0);

      await earlier.query('commit');
      expect((await pending).status).toBe(200);
      const after = await pull(user, `?cursor=${meanwhile.cursor}`);
      expect(after.changes.map((c) => c.hlc)).toEqual([slow.hlc, later[0]!.hlc]);
    } finally {
      await earlier.end();
      await watcher.end();
    }
  });

  it("never shows one user's changes to another, even with the other's cursor or the same HLCs", async () => {
    const alice = await createTestUser(server);
    const bob = await createTestUser(server);
    const millis = Date.now();
    // Same HLC text under both users: unique per user, so both are stored.
    const shared = hlcAt(millis, 0, alice.deviceId);
    const a = await pushOk(alice, [{ hlc: shared, keyId: 'k1', blob: Buffer.from('alice').toString('base64') }]);
    const b = await pushOk(bob, [{ hlc: shared, keyId: 'k1', blob: Buffer.from('bob').toString('base64') }]);
    expect(a.accepted).toBe(1);
    expect(b.accepted).toBe(1);
    const bobsView = await pull(bob);
    expect(bobsView.changes).toHaveLength(1);
    expect(Buffer.from(bobsView.changes[0]!.blob, 'base64').toString()).toBe('bob');
    expect(bobsView.changes[0]!.deviceId).toBe(bob.deviceId);
    const fromZero = await pull(bob, '?cursor=0&limit=1000');
    expect(fromZero.changes.every((c) => c.deviceId === bob.deviceId)).toBe(true);
    const alicesView = await pull(alice);
    expect(alicesView.changes.map((c) => Buffer.from(c.blob, 'base64').toString())).toEqual(['alice']);
  });

  it('refuses changes stamped more than a day ahead with clock_skew, in plain words, storing nothing', async () => {
    const user = await createTestUser(server);
    const hours = 3_600_000;
    const ahead = makeChanges(user.deviceId, 1, { startMillis: Date.now() + 30 * hours });
    const fine = makeChanges(user.deviceId, 1, { startMillis: Date.now() + 20 * hours });
    // The device's clock is 30 h ahead when it sends.
    const response = await push(user, { changes: [...fine, ...ahead], sentAt: Date.now() + 30 * hours });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('clock_skew');
    expect(error.message).toMatch(/This device's clock is about 30 hours ahead/);
    expect(error.message).toMatch(/date and time/);
    expect(error.details?.aheadMs).toBeGreaterThan(29 * hours);
    expect(error.details?.deviceAheadMs).toBeGreaterThan(29 * hours);
    expect((await pull(user)).changes).toHaveLength(0);

    // Clock fixed since, but the changes were stamped while it was wrong: said so.
    const stale = await errorOf(await push(user, { changes: ahead, sentAt: Date.now() }));
    expect(stale.code).toBe('clock_skew');
    expect(stale.message).toMatch(/stamped about 30 hours ahead of the real time, while this device's clock was wrong/);
    const days = makeChanges(user.deviceId, 1, { startMillis: Date.now() + 80 * hours });
    const far = await errorOf(await push(user, { changes: days, sentAt: Date.now() + 80 * hours }));
    expect(far.message).toMatch(/about 3 days ahead/);

    // Within a day is absorbed by the HLC and accepted.
    expect((await pushOk(user, fine)).accepted).toBe(1);
    // The server's own clock is the reference: move it forward and the same change is fine.
    server.clock.offsetMs = 10 * hours;
    try {
      // A token signed on the moved clock (one signed now would be expired there).
      const later = new AccessTokens(server.config.JWT_SECRET, 900, () => new Date(Date.now() + 10 * hours));
      const token = await later.sign({ userId: user.userId, deviceId: user.deviceId, role: 'user' });
      const moved = { ...user, headers: { ...user.headers, authorization: `Bearer ${token}` } };
      expect((await pushOk(moved, ahead)).accepted).toBe(1);
    } finally {
      server.clock.offsetMs = 0;
    }
  });

  it('enforces the payload limits and input shapes with invalid_input', async () => {
    const user = await createTestUser(server);
    const one = makeChanges(user.deviceId, 1)[0]!;
    const cases: Array<[string, unknown]> = [
      ['blob over 64 KiB decoded', { changes: [{ ...one, blob: Buffer.alloc(65_537, 7).toString('base64') }] }],
      ['blob not base64', { changes: [{ ...one, blob: 'not base64!' }] }],
      ['more than 1,000 changes', { changes: makeChanges(user.deviceId, 1001, { bytes: 4 }) }],
      ['no changes', { changes: [] }],
      ['not an HLC', { changes: [{ ...one, hlc: '2024-01-01' }] }],
      ['no sentAt', { changes: [one], sentAt: undefined }],
    ];
    for (const [label, body] of cases) {
      const response = await push(user, { sentAt: Date.now(), ...(body as object) });
      expect(response.status, label).toBe(400);
      expect((await errorOf(response)).code, label).toBe('invalid_input');
    }
    // Exactly 64 KiB is allowed.
    const full = { ...one, blob: Buffer.alloc(65_536, 1).toString('base64') };
    expect((await pushOk(user, [full])).accepted).toBe(1);
    const badCursor = await fetch(`${server.url}/v1/sync/pull?cursor=abc`, { headers: user.headers });
    expect(badCursor.status).toBe(400);
    expect((await errorOf(badCursor)).code).toBe('invalid_input');
    const badLimit = await fetch(`${server.url}/v1/sync/pull?limit=5000`, { headers: user.headers });
    expect(badLimit.status).toBe(400);
  });

  it('needs a valid access token from an active device', async () => {
    const user = await createTestUser(server);
    const anonymous = await postJson(
      `${server.url}/v1/sync/push`,
      { 'content-type': 'application/json' },
      { changes: makeChanges(user.deviceId, 1), sentAt: Date.now() },
    );
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe('unauthenticated');
    await server.database.db
      .updateTable('devices')
      .set({ revoked_at: new Date() })
      .where('id', '=', user.deviceId)
      .execute();
    const revoked = await fetch(`${server.url}/v1/sync/pull`, { headers: user.headers });
    expect(revoked.status).toBe(401);
    expect((await errorOf(revoked)).code).toBe('device_revoked');
  });

  it('counts pushed and pulled changes in the metrics (retries not counted)', async () => {
    const metric = async (name: string) => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith(`${name} `));
      return Number(line?.split(' ')[1] ?? 'NaN');
    };
    const user = await createTestUser(server);
    const pushedBefore = await metric('cadence_sync_changes_pushed_total');
    const pulledBefore = await metric('cadence_sync_changes_pulled_total');
    const changes = makeChanges(user.deviceId, 7);
    await pushOk(user, changes);
    await pushOk(user, changes);
    await pull(user);
    expect((await metric('cadence_sync_changes_pushed_total')) - pushedBefore).toBe(7);
    expect((await metric('cadence_sync_changes_pulled_total')) - pulledBefore).toBe(7);
  });

  it("removes a user's changes and keyring with the account", async () => {
    const user = await createTestUser(server);
    await pushOk(user, makeChanges(user.deviceId, 3));
    await server.database.db
      .insertInto('sync_keyrings')
      .values({ user_id: user.userId, version: 1, keyring: JSON.stringify(sampleKeyring('k1')) })
      .execute();
    await server.database.db.deleteFrom('users').where('id', '=', user.userId).execute();
    const left = await Promise.all(
      (['sync_changes', 'sync_keyrings'] as const).map((table) =>
        server.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', user.userId)
          .executeTakeFirstOrThrow(),
      ),
    );
    expect(left.map((row) => Number(row.n))).toEqual([0, 0]);
  });
});

function sampleKeyring(keyId: string, check = 'check-value'): Omit<Keyring, 'version'> {
  return {
    kdf: { algorithm: 'argon2id', salt: 'c2FsdHNhbHRzYWx0c2FsdA', memoryKiB: 65_536, iterations: 3, parallelism: 1 },
    check,
    currentKeyId: keyId,
    keys: [{ keyId, wrappedByPassphrase: `wrapped-${keyId}`, wrappedByPrevious: null }],
  };
}

describe('sync keyring (real PostgreSQL)', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const put = async (user: TestUser, body: unknown) =>
    fetch(`${server.url}/v1/sync/keyring`, { method: 'PUT', headers: user.headers, body: JSON.stringify(body) });
  const get = async (user: TestUser) => fetch(`${server.url}/v1/sync/keyring`, { headers: user.headers });

  it('is created once, updated with the expected version, and refuses a stale writer with 409', async () => {
    const laptop = await createTestUser(server);
    const phone = await addTestDevice(server, laptop);
    const missing = await get(laptop);
    expect(missing.status).toBe(404);
    expect(serverErrorBodySchema.parse(await missing.json()).error.code).toBe('not_found');

    const created = await put(laptop, { expectedVersion: null, keyring: sampleKeyring('k1') });
    expect(created.status).toBe(200);
    expect(keyringSchema.parse(await created.json())).toEqual({ ...sampleKeyring('k1'), version: 1 });

    // A second "first device" racing to create loses.
    const second = await put(phone, { expectedVersion: null, keyring: sampleKeyring('other') });
    expect(second.status).toBe(409);
    const secondError = serverErrorBodySchema.parse(await second.json()).error;
    expect(secondError).toMatchObject({ code: 'conflict', details: { currentVersion: 1 } });

    const rotated = { ...sampleKeyring('k2', 'check-2') };
    rotated.keys = [
      { keyId: 'k1', wrappedByPassphrase: 'wrapped-k1', wrappedByPrevious: null },
      { keyId: 'k2', wrappedByPassphrase: 'wrapped-k2', wrappedByPrevious: 'k2-under-k1' },
    ];
    const updated = await put(phone, { expectedVersion: 1, keyring: rotated });
    expect(updated.status).toBe(200);
    expect(keyringSchema.parse(await updated.json()).version).toBe(2);

    // The laptop still thinks it is at version 1: refused, told the current version.
    const stale = await put(laptop, { expectedVersion: 1, keyring: sampleKeyring('k3') });
    expect(stale.status).toBe(409);
    const staleError = serverErrorBodySchema.parse(await stale.json()).error;
    expect(staleError.details).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
    expect(staleError.message).toMatch(/version 2/);

    const current = keyringSchema.parse(await (await get(laptop)).json());
    expect(current).toEqual({ ...rotated, version: 2 });
  });

  it("keeps each user's keyring to themselves", async () => {
    const alice = await createTestUser(server);
    const bob = await createTestUser(server);
    expect((await put(alice, { expectedVersion: null, keyring: sampleKeyring('a1') })).status).toBe(200);
    expect((await get(bob)).status).toBe(404);
    const blind = await put(bob, { expectedVersion: 1, keyring: sampleKeyring('b1') });
    expect(blind.status).toBe(409);
    expect(serverErrorBodySchema.parse(await blind.json()).error.details).toMatchObject({ currentVersion: null });
    expect(keyringSchema.parse(await (await get(alice)).json()).currentKeyId).toBe('a1');
  });

  it('refuses a malformed keyring', async () => {
    const user = await createTestUser(server);
    const bad = await put(user, { expectedVersion: null, keyring: { ...sampleKeyring('k1'), keys: [] } });
    expect(bad.status).toBe(400);
    expect(serverErrorBodySchema.parse(await bad.json()).error.code).toBe('invalid_input');
    const weakKdf = await put(user, {
      expectedVersion: null,
      keyring: { ...sampleKeyring('k1'), kdf: { ...sampleKeyring('k1').kdf, memoryKiB: 16 } },
    });
    expect(weakKdf.status).toBe(400);
  });
});
