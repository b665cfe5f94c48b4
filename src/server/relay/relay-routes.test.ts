import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, startTestSyncServer, type TestSyncServer } from '../../../test/support/sync-server';
import { listRelayJobsResponseSchema, relayJobSchema } from '../../shared/sync-api/relay';
import { serverErrorBodySchema } from '../../shared/sync-api/errors';
import { usagePeriod } from '../tiers/entitlements';
import { usageOf } from '../usage/usage-meter';
import { mastodonPayload, postRelayJob, relayJobBody, relayKeyPair } from './relay.test-support';

let server: TestSyncServer;
const keys = relayKeyPair();
const payload = mastodonPayload({
  origin: 'http://127.0.0.1:9',
  accountId: '1',
  token: 'platform-token',
  text: 'Hello',
});

beforeAll(async () => {
  server = await startTestSyncServer({ RELAY_PRIVATE_KEY: keys.privatePem, RATE_LIMITS: 'off' });
});
afterAll(async () => {
  await server?.close();
});

async function errorOf(response: Response) {
  return serverErrorBodySchema.parse(await response.json()).error;
}

describe('relay routes', () => {
  it('publishes the public key that opens nothing but what is sealed to it', async () => {
    const response = await fetch(`${server.url}/v1/relay/public-key`);
    expect(response.status).toBe(200);
    const key = (await response.json()) as { publicKeyPem: string; algorithm: string; keyId: string };
    expect(key.algorithm).toBe('RSA-OAEP-256+A256GCM');
    expect(key.publicKeyPem.replace(/\s/g, '')).toBe(keys.publicPem.replace(/\s/g, ''));
    expect(key.keyId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('takes a hand-off once: the same key again is the same job, paid for once, and nothing readable is stored', async () => {
    const user = await createTestUser(server);
    const body = relayJobBody(keys.publicPem, user, payload);
    const first = await postRelayJob(server, user, body);
    expect(first.status).toBe(201);
    const job = relayJobSchema.parse(await first.json());
    expect(job).toMatchObject({ idempotencyKey: body.idempotencyKey, platform: 'mastodon', status: 'queued' });
    const again = await postRelayJob(
      server,
      user,
      relayJobBody(keys.publicPem, user, payload, { idempotencyKey: body.idempotencyKey }),
    );
    expect(again.status).toBe(200);
    expect(relayJobSchema.parse(await again.json()).id).toBe(job.id);
    expect(await usageOf(server.database.db, user.userId, 'relay_posts', usagePeriod(new Date()))).toBe(1);
    const stored = await server.database.db
      .selectFrom('relay_jobs')
      .select('sealed')
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.sealed)).not.toContain('platform-token');
    expect(JSON.stringify(stored.sealed)).not.toContain('Hello');
  });

  it('refuses an envelope sealed for another user, a stale key, and an unverified email', async () => {
    const user = await createTestUser(server);
    const other = await createTestUser(server);
    const forOther = relayJobBody(keys.publicPem, other, payload);
    const moved = await postRelayJob(server, user, forOther);
    expect(moved.status).toBe(400);
    expect((await errorOf(moved)).code).toBe('invalid_input');

    const stale = relayJobBody(relayKeyPair().publicPem, user, payload);
    const staleResponse = await postRelayJob(server, user, stale);
    expect(staleResponse.status).toBe(409);
    expect((await errorOf(staleResponse)).code).toBe('key_mismatch');

    const unverified = await createTestUser(server);
    await server.database.db
      .updateTable('users')
      .set({ email_verified_at: null })
      .where('id', '=', unverified.userId)
      .execute();
    const refused = await postRelayJob(server, unverified, relayJobBody(keys.publicPem, unverified, payload));
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('email_not_verified');
    expect(
      await server.database.db
        .selectFrom('relay_jobs')
        .select('id')
        .where('user_id', 'in', [user.userId, unverified.userId])
        .execute(),
    ).toEqual([]);
  });

  it('meters relay posts per tier: past the allowance a clear 429 and no job; a cancel gives the post back', async () => {
    const user = await createTestUser(server, { tier: 'free' });
    const period = usagePeriod(new Date());
    await server.database.db
      .insertInto('usage_counters')
      .values({ user_id: user.userId, period, kind: 'relay_posts', amount: 29 })
      .execute();
    const last = await postRelayJob(server, user, relayJobBody(keys.publicPem, user, payload));
    expect(last.status).toBe(201);
    const job = relayJobSchema.parse(await last.json());
    const over = await postRelayJob(server, user, relayJobBody(keys.publicPem, user, payload));
    expect(over.status).toBe(429);
    const error = await errorOf(over);
    expect(error.code).toBe('quota_exceeded');
    expect(error.message).toContain('relay posts are used up (30 of 30)');
    expect(
      await server.database.db.selectFrom('relay_jobs').select('id').where('user_id', '=', user.userId).execute(),
    ).toHaveLength(1);

    const cancelled = await fetch(`${server.url}/v1/relay/jobs/${job.id}`, {
      method: 'DELETE',
      headers: { authorization: user.headers.authorization! },
    });
    expect(cancelled.status).toBe(200);
    expect(relayJobSchema.parse(await cancelled.json()).status).toBe('cancelled');
    expect(await usageOf(server.database.db, user.userId, 'relay_posts', period)).toBe(29);
    // Cancelling again is a no-op, not a second refund.
    await fetch(`${server.url}/v1/relay/jobs/${job.id}`, {
      method: 'DELETE',
      headers: { authorization: user.headers.authorization! },
    });
    expect(await usageOf(server.database.db, user.userId, 'relay_posts', period)).toBe(29);
  });

  it('a job taken back and handed over again is the same job, queued anew and paid for again', async () => {
    const user = await createTestUser(server);
    const body = relayJobBody(keys.publicPem, user, payload);
    const job = relayJobSchema.parse(await (await postRelayJob(server, user, body)).json());
    const auth = { authorization: user.headers.authorization! };
    await fetch(`${server.url}/v1/relay/jobs/${job.id}`, { method: 'DELETE', headers: auth });
    expect(await usageOf(server.database.db, user.userId, 'relay_posts', usagePeriod(new Date()))).toBe(0);
    const later = new Date(Date.now() + 2 * 86_400_000);
    const again = await postRelayJob(
      server,
      user,
      relayJobBody(keys.publicPem, user, payload, { idempotencyKey: body.idempotencyKey, dueAt: later }),
    );
    expect(again.status).toBe(201);
    expect(relayJobSchema.parse(await again.json())).toMatchObject({
      id: job.id,
      status: 'queued',
      dueAt: later.toISOString(),
      error: null,
    });
    expect(await usageOf(server.database.db, user.userId, 'relay_posts', usagePeriod(new Date()))).toBe(1);
  });

  it('will not cancel a job the relay has started', async () => {
    const user = await createTestUser(server);
    const job = relayJobSchema.parse(
      await (await postRelayJob(server, user, relayJobBody(keys.publicPem, user, payload))).json(),
    );
    await server.database.db
      .updateTable('relay_jobs')
      .set({ status: 'sending', lease_owner: 'someone' })
      .where('id', '=', job.id)
      .execute();
    const response = await fetch(`${server.url}/v1/relay/jobs/${job.id}`, {
      method: 'DELETE',
      headers: { authorization: user.headers.authorization! },
    });
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({ code: 'conflict', details: { status: 'sending' } });
  });

  it('keeps users apart: another user neither lists nor cancels a job, and the same key is their own job', async () => {
    const alice = await createTestUser(server);
    const bob = await createTestUser(server);
    const body = relayJobBody(keys.publicPem, alice, payload);
    const aliceJob = relayJobSchema.parse(await (await postRelayJob(server, alice, body)).json());
    const bobBody = relayJobBody(keys.publicPem, bob, payload, { idempotencyKey: body.idempotencyKey });
    const bobJob = relayJobSchema.parse(await (await postRelayJob(server, bob, bobBody)).json());
    expect(bobJob.id).not.toBe(aliceJob.id);

    const listed = listRelayJobsResponseSchema.parse(
      await (await fetch(`${server.url}/v1/relay/jobs`, { headers: bob.headers })).json(),
    );
    expect(listed.jobs.map((j) => j.id)).toEqual([bobJob.id]);
    const cancel = await fetch(`${server.url}/v1/relay/jobs/${aliceJob.id}`, {
      method: 'DELETE',
      headers: { authorization: bob.headers.authorization! },
    });
    expect(cancel.status).toBe(404);
    const status = await server.database.db
      .selectFrom('relay_jobs')
      .select('status')
      .where('id', '=', aliceJob.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('queued');
  });

  it('lists changes since a time, in pages', async () => {
    const user = await createTestUser(server);
    const before = new Date(Date.now() - 1_000).toISOString();
    for (let i = 0; i < 3; i += 1) await postRelayJob(server, user, relayJobBody(keys.publicPem, user, payload));
    const page = listRelayJobsResponseSchema.parse(
      await (
        await fetch(`${server.url}/v1/relay/jobs?since=${encodeURIComponent(before)}&limit=2`, {
          headers: user.headers,
        })
      ).json(),
    );
    expect(page.jobs).toHaveLength(2);
    expect(page.hasMore).toBe(true);
    const rest = listRelayJobsResponseSchema.parse(
      await (
        await fetch(`${server.url}/v1/relay/jobs?since=${encodeURIComponent(page.jobs[1]!.updatedAt)}`, {
          headers: user.headers,
        })
      ).json(),
    );
    expect(rest.jobs).toHaveLength(1);
    expect(rest.hasMore).toBe(false);
    const later = listRelayJobsResponseSchema.parse(
      await (
        await fetch(`${server.url}/v1/relay/jobs?since=${encodeURIComponent(page.serverTime)}`, {
          headers: user.headers,
        })
      ).json(),
    );
    expect(later.jobs).toEqual([]);
  });

  it('requires a token to hand off or list', async () => {
    const response = await fetch(`${server.url}/v1/relay/jobs`);
    expect(response.status).toBe(401);
  });
});

describe('relay without a key', () => {
  it('answers 503 unavailable with a plain message', async () => {
    const bare = await startTestSyncServer();
    try {
      const response = await fetch(`${bare.url}/v1/relay/public-key`);
      expect(response.status).toBe(503);
      expect((await errorOf(response)).message).toContain('not set up on this server');
    } finally {
      await bare.close();
    }
  });
});
