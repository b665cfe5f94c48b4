import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeError, invokeOk } from '../../../../test/support/invoke';
import { type MastodonPeer, startMastodonPeer } from '../../../../test/peers/mastodon/server';
import { startTestSyncServer, type TestSyncServer } from '../../../../test/support/sync-server';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { relayKeyPair } from '../../../server/relay/relay.test-support';
import { TokenStore } from '../../accounts/token-store';
import { createLogger } from '../../platform/logger/logger';
import { createRelay } from './relay.setup';
import { insertMastodonAccount } from './relay.test-support';

const PASSWORD = 'correct horse battery staple';

let server: TestSyncServer;
let peer: MastodonPeer;
let t: TestCore;
let accountId: string;

beforeAll(async () => {
  server = await startTestSyncServer({ RELAY_PRIVATE_KEY: relayKeyPair().privatePem, RATE_LIMITS: 'off' });
  peer = await startMastodonPeer();
  // The relay's due times and the server's clock are both real time here.
  t = await createTestCore({ now: new Date().toISOString() });
  accountId = await connectMastodon(t);
}, 60_000);
afterAll(async () => {
  await t?.dispose();
  await peer?.close();
  await server?.close();
});

/** A connected Mastodon account on the peer, its token in the core's secrets like a real connect. */
async function connectMastodon(core: TestCore): Promise<string> {
  const id = await insertMastodonAccount(core, peer);
  await new TokenStore(core.core.ports.secrets).set(id, { accessToken: peer.issueToken(['read', 'write']) });
  return id;
}

/** A text post scheduled an hour ahead (the relay worker leaves it alone), and its queued job id. */
async function scheduledJob(text: string): Promise<string> {
  const post = await t.core.services.posts.create({ body: text, platforms: ['mastodon'] });
  await t.core.services.posts.schedule(post.id, new Date(t.clock.now().getTime() + 3_600_000).toISOString());
  await t.core.domains.publishing.settled();
  const job = await t.core.database.db
    .selectFrom('publish_jobs')
    .select(['id', 'status'])
    .where('post_id', '=', post.id)
    .executeTakeFirstOrThrow();
  expect(job.status).toBe('queued');
  return job.id;
}

async function remoteStatus(jobId: string): Promise<string | undefined> {
  const { idempotency_key } = await t.core.database.db
    .selectFrom('publish_jobs')
    .select('idempotency_key')
    .where('id', '=', jobId)
    .executeTakeFirstOrThrow();
  const row = await server.database.db
    .selectFrom('relay_jobs')
    .select('status')
    .where('idempotency_key', '=', idempotency_key)
    .executeTakeFirst();
  return row?.status;
}

describe('relay channels against the real sync server and relay', () => {
  it('signed out: status says so, and every relay action asks to sign in to Cadence sync in Settings → Sync', async () => {
    expect(await invokeOk(t.core, 'relay:status', {})).toEqual({
      signedIn: false,
      email: null,
      accountIds: [],
      platforms: [],
    });
    const jobId = await scheduledJob('Written while signed out');
    const refusals = [
      await invokeError(t.core, 'relay:set-account', { accountId, enabled: true }),
      await invokeError(t.core, 'relay:hand-off', { jobId }),
      await invokeError(t.core, 'relay:take-back', { jobId }),
      await invokeError(t.core, 'relay:pull-now', {}),
    ];
    for (const error of refusals) {
      expect(error.code).toBe('UNAUTHORIZED');
      expect(error.message).toContain('sign in to Cadence sync in Settings → Sync');
    }
    // Turning the relay off needs no account.
    expect((await invokeOk(t.core, 'relay:set-account', { accountId, enabled: false })).accountIds).toEqual([]);
    const job = await invokeOk(t.core, 'publishing:get-job', { jobId });
    expect(job.job.status).toBe('queued');
  });

  it('signed in: opts an account in, hands a job over, takes it back, and pull-now hands it over again', async () => {
    const email = `relay-${Date.now()}@example.test`;
    await invokeOk(t.core, 'sync:sign-up', { serverUrl: server.url, email, password: PASSWORD });
    // The relay needs a verified email; the verification mail itself is the accounts tests' concern.
    await server.database.db
      .updateTable('users')
      .set({ email_verified_at: new Date() })
      .where('email', '=', email)
      .execute();

    const jobId = await scheduledJob(`Handed over ${randomUUID().slice(0, 8)}`);
    const off = await invokeError(t.core, 'relay:hand-off', { jobId });
    expect(off).toMatchObject({ code: 'FORBIDDEN' });
    expect(off.message).toContain('The relay is off for this Mastodon account');

    const status = await invokeOk(t.core, 'relay:set-account', { accountId, enabled: true });
    expect(status).toEqual({ signedIn: true, email, accountIds: [accountId], platforms: ['mastodon'] });
    expect(await invokeOk(t.core, 'relay:status', {})).toEqual(status);
    const missing = await invokeError(t.core, 'relay:set-account', { accountId: randomUUID(), enabled: true });
    expect(missing.code).toBe('NOT_FOUND');

    const handed = await invokeOk(t.core, 'relay:hand-off', { jobId });
    expect(handed).toMatchObject({ id: jobId, status: 'relayed', accountId });
    expect(await remoteStatus(jobId)).toBe('queued');
    // The published post only ever reaches the relay sealed.
    expect(peer.statuses()).toHaveLength(0);

    const back = await invokeOk(t.core, 'relay:take-back', { jobId });
    expect(back).toMatchObject({ id: jobId, status: 'queued' });
    expect(await remoteStatus(jobId)).toBe('cancelled');
    const notWithRelay = await invokeError(t.core, 'relay:take-back', { jobId });
    expect(notWithRelay).toMatchObject({ code: 'CONFLICT', message: 'This post is not with the relay.' });

    // The background pass (here on demand) hands the opted-in account's queued job over again.
    expect(await invokeOk(t.core, 'relay:pull-now', {})).toEqual({ settled: 0, handed: 2 });
    expect((await invokeOk(t.core, 'publishing:get-job', { jobId })).job.status).toBe('relayed');
  });

  it('the background pass does nothing while nobody is signed in: no request, no log line', async () => {
    const quiet = await createTestCore();
    const logFile = join(quiet.dataDir, 'logs', 'relay-quiet.log');
    const requests: string[] = [];
    const relay = createRelay(
      {
        ports: { ...quiet.core.ports, logger: createLogger({ file: logFile, level: 'debug' }) },
        database: quiet.core.database,
        events: quiet.core.events,
        llm: quiet.core.services.llm,
        posts: quiet.core.services.posts,
        profile: quiet.core.services.profile,
      },
      {
        tokens: quiet.core.domains.accounts.tokens,
        session: () => quiet.core.domains.sync.session,
        resync: (postId) => quiet.core.domains.publishing.service.syncPost(postId),
        intervalMs: 20,
        fetch: async (input, init) => {
          requests.push(String(input));
          return fetch(input, init);
        },
      },
    );
    let logged: string;
    try {
      relay.start();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await relay.close();
      logged = readFileSync(logFile, 'utf8');
    } finally {
      await relay.close();
      await quiet.dispose();
    }
    expect(requests).toEqual([]);
    expect(logged).toBe('');
  });
});
