import { createPrivateKey } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MastodonPeer, startMastodonPeer } from '../../../test/peers/mastodon/server';
import {
  createTestUser,
  startTestSyncServer,
  type TestSyncServer,
  type TestUser,
} from '../../../test/support/sync-server';
import { createServerDatabase } from '../db/database';
import { usagePeriod } from '../tiers/entitlements';
import { consumeQuota, usageOf } from '../usage/usage-meter';
import { ServerMetrics } from '../observability/metrics';
import { RelayJobsRepository } from './relay-jobs.repository';
import { RelayCrash } from './relay-step';
import { RelayWorker, type RelayWorkerOptions } from './relay-worker';
import { mastodonPayload, relayJobBody, relayKeyPair } from './relay.test-support';

// No RELAY_PRIVATE_KEY on the server: its own background worker stays off, so only the workers
// each test makes touch the jobs (the routes are covered in relay-routes.test.ts).
let server: TestSyncServer;
let peer: MastodonPeer;
let user: TestUser;
let token: string;
const keys = relayKeyPair();
const privateKey = createPrivateKey(keys.privatePem);
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  server = await startTestSyncServer();
  peer = await startMastodonPeer();
});
afterAll(async () => {
  await peer?.close();
  await server?.close();
});
beforeEach(async () => {
  user = await createTestUser(server, { tier: 'pro' });
  token = peer.issueToken(['read', 'write']);
});

function worker(options: RelayWorkerOptions = {}, db = server.database.db): RelayWorker {
  return new RelayWorker(
    { db, privateKey, metrics: new ServerMetrics(), logger, now: () => new Date() },
    // The Mastodon peer listens on 127.0.0.1, which production refuses (public-host.ts).
    { pollMs: 20, backoffBaseMs: 0, allowPrivateHosts: true, ...options },
  );
}

/** A due job as the relay route stores it (quota taken), for the peer's account. */
async function dueJob(text: string, accessToken = token): Promise<string> {
  const payload = mastodonPayload({ origin: peer.origin, accountId: peer.account.id, token: accessToken, text });
  const body = relayJobBody(keys.publicPem, user, payload, { dueAt: new Date(Date.now() - 1_000) });
  const period = usagePeriod(new Date());
  await consumeQuota(server.database.db, { userId: user.userId, kind: 'relay_posts', amount: 1, limit: 5_000, period });
  const row = await new RelayJobsRepository(server.database.db).insertNew(server.database.db, {
    userId: user.userId,
    deviceId: user.deviceId,
    idempotencyKey: body.idempotencyKey,
    platform: 'mastodon',
    dueAt: new Date(body.dueAt),
    sealed: JSON.stringify(body.sealed),
    quotaPeriod: period,
    now: new Date(),
  });
  return row!.id;
}

async function job(id: string) {
  return server.database.db.selectFrom('relay_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function statusPosts(): number {
  return peer.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses').length;
}

function withText(text: string) {
  return peer.statuses().filter((s) => s.text.includes(text));
}

describe('relay worker', () => {
  it('publishes a due job once, with sending committed first', async () => {
    const id = await dueJob('Relay hello one');
    const before = statusPosts();
    expect(await worker().runDue()).toBe(1);
    const row = await job(id);
    expect(row).toMatchObject({ status: 'published', attempts: 1, lease_owner: null });
    expect(row.external_id).toBe(withText('Relay hello one')[0]!.id);
    expect(row.url).toContain(row.external_id!);
    expect(statusPosts() - before).toBe(1);
    expect(await worker().runDue()).toBe(0);
  });

  it('a worker killed between send and commit: the next one asks the platform and never posts twice', async () => {
    const id = await dueJob('Relay crash between send and commit');
    const before = statusPosts();
    const doomed = worker({
      leaseMs: 300,
      faults: {
        afterSendBeforeCommit: () => {
          throw new RelayCrash();
        },
      },
    });
    await expect(doomed.runDue()).rejects.toBeInstanceOf(RelayCrash);
    expect(doomed.isDead).toBe(true);
    expect((await job(id)).status).toBe('sending');
    expect(withText('Relay crash between send and commit')).toHaveLength(1);

    // Restart: the lease runs out, the job is taken over as outcome_unknown and settled by lookup.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await worker().runDue()).toBe(1);
    const row = await job(id);
    expect(row.status).toBe('published');
    expect(row.external_id).toBe(withText('Relay crash between send and commit')[0]!.id);
    expect(withText('Relay crash between send and commit')).toHaveLength(1);
    expect(statusPosts() - before).toBe(1);
  });

  it('a lost answer (connection dropped after the post was made) becomes outcome_unknown, then a lookup', async () => {
    const id = await dueJob('Relay lost answer');
    const before = statusPosts();
    peer.inject({ kind: 'drop-after', path: /^\/api\/v1\/statuses$/ });
    const relay = worker();
    await relay.runDue();
    expect((await job(id)).status).toBe('outcome_unknown');
    await relay.runDue();
    expect((await job(id)).status).toBe('published');
    expect(withText('Relay lost answer')).toHaveLength(1);
    expect(statusPosts() - before).toBe(1);
  });

  it("two instances' workers racing over the same jobs publish each exactly once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) ids.push(await dueJob(`Relay race ${i} of twelve`));
    const before = statusPosts();
    // The second worker has its own pool, as another instance would.
    const otherInstance = createServerDatabase(server.config.DATABASE_URL, { max: 4 });
    const [a, b] = [worker({ concurrency: 3 }), worker({ concurrency: 3 }, otherInstance.db)];
    const [stepsA, stepsB] = await Promise.all([a.runDue(), b.runDue()]).finally(() => otherInstance.close());
    expect(stepsA + stepsB).toBe(12);
    expect(stepsA).toBeGreaterThan(0);
    expect(stepsB).toBeGreaterThan(0);
    for (const id of ids) expect((await job(id)).status).toBe('published');
    for (let i = 0; i < 12; i += 1) expect(withText(`Relay race ${i} of twelve`)).toHaveLength(1);
    expect(statusPosts() - before).toBe(12);
  });

  it('a token the platform refuses fails the job with the fix, and gives the relay post back', async () => {
    const revoked = peer.issueToken(['read', 'write']);
    peer.invalidateToken(revoked);
    const id = await dueJob('Relay with a dead token', revoked);
    const period = usagePeriod(new Date());
    const used = await usageOf(server.database.db, user.userId, 'relay_posts', period);
    await worker().runDue();
    const row = await job(id);
    expect(row.status).toBe('failed');
    expect(row.error_code).toBe('auth_revoked');
    expect(row.error_message).toContain('Reconnect the account in Cadence');
    expect(await usageOf(server.database.db, user.userId, 'relay_posts', period)).toBe(used - 1);
    expect(withText('Relay with a dead token')).toHaveLength(0);
  });

  it('an envelope that does not open fails without any platform call', async () => {
    const id = await dueJob('Relay tampered');
    const row = await job(id);
    const sealed = row.sealed as { data: string };
    const tampered = { ...sealed, data: Buffer.from('not the sealed post').toString('base64') };
    await server.database.db
      .updateTable('relay_jobs')
      .set({ sealed: JSON.stringify(tampered) })
      .where('id', '=', id)
      .execute();
    const before = peer.requests.length;
    await worker().runDue();
    expect(await job(id)).toMatchObject({ status: 'failed', error_code: 'sealed_unreadable' });
    expect(peer.requests.length).toBe(before);
  });

  it('refuses, by default, an instance on a private or local address without calling it', async () => {
    const id = await dueJob('Relay to a local address');
    const before = peer.requests.length;
    await worker({ allowPrivateHosts: false }).runDue();
    const row = await job(id);
    expect(row).toMatchObject({ status: 'failed', error_code: 'invalid' });
    expect(row.error_message).toContain('private or local address');
    expect(peer.requests.length).toBe(before);
  });
});
