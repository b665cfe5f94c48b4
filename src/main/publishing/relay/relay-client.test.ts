import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type MastodonPeer, startMastodonPeer } from '../../../../test/peers/mastodon/server';
import {
  createTestUser,
  startTestSyncServer,
  type TestSyncServer,
  type TestUser,
} from '../../../../test/support/sync-server';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { relayKeyPair } from '../../../server/relay/relay.test-support';
import { ContractError } from '../../../shared/contract/errors';
import type { ConnectorContext } from '../providers/connector';
import { createMastodonConnector } from '../providers/mastodon/mastodon.connector';
import type { TokensPort } from '../queue/ports';
import { RelayClient } from './relay-client';
import { insertMastodonAccount } from './relay.test-support';
import { followRelayedPosts, startRelayPolling } from './relay-follow';

let server: TestSyncServer;
let peer: MastodonPeer;
let user: TestUser;
const folders: string[] = [];
const cores: TestCore[] = [];

beforeAll(async () => {
  // The server runs its relay worker (a key is configured): it publishes due jobs by itself.
  server = await startTestSyncServer({ RELAY_PRIVATE_KEY: relayKeyPair().privatePem, RATE_LIMITS: 'off' });
  peer = await startMastodonPeer();
  user = await createTestUser(server, { tier: 'creator' });
});
afterAll(async () => {
  await peer?.close();
  await server?.close();
});
afterEach(async () => {
  for (const core of cores.splice(0)) await core.dispose();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The accounts domain's part the relay uses: the peer's token for the connected account. */
class PeerTokens implements TokensPort {
  constructor(
    private readonly token: string,
    private readonly expiresAt?: string,
  ) {}
  async context(accountId: string): Promise<ConnectorContext> {
    return {
      baseUrl: peer.origin,
      token: {
        accessToken: this.token,
        refreshToken: 'never-leaves-the-device',
        ...(this.expiresAt ? { expiresAt: this.expiresAt } : {}),
      },
      account: { id: accountId, handle: '@creator', externalId: peer.account.id, instanceUrl: peer.origin },
    };
  }
  async refresh(): Promise<void> {}
  async markNeedsReconnect(): Promise<void> {}
}

async function openCore(dataDir: string): Promise<TestCore> {
  const core = await createTestCore({ dataDir, now: new Date().toISOString() });
  return core;
}

function connectMastodon(t: TestCore): Promise<string> {
  return insertMastodonAccount(t, peer);
}

function relayFor(t: TestCore, tokens: TokensPort, dataDir: string): RelayClient {
  return new RelayClient({
    database: t.core.database,
    clock: t.clock,
    logger: t.core.ports.logger,
    tokens,
    session: {
      current: () => ({ serverUrl: server.url, userId: user.userId }),
      accessToken: async () => user.accessToken,
    },
    dataDir,
    events: t.core.events,
  });
}

/** A scheduled text post with its queued Mastodon job, and a local runner that WOULD send it if it took it. */
async function scheduledPost(t: TestCore, tokens: TokensPort, text: string, inMs: number) {
  const connector = createMastodonConnector({ timeoutMs: 5_000 });
  const runner = t.core.domains.publishing.attach(
    { connectors: (p) => (p === 'mastodon' ? connector : null), tokens },
    { timer: false },
  );
  const post = await t.core.services.posts.create({ body: text, platforms: ['mastodon'] });
  await t.core.services.posts.schedule(post.id, new Date(t.clock.now().getTime() + inMs).toISOString());
  await t.core.domains.publishing.settled();
  const [job] = await t.core.services.posts
    .get(post.id)
    .then(() => t.core.database.db.selectFrom('publish_jobs').selectAll().where('post_id', '=', post.id).execute());
  return { post, job: job!, runner };
}

async function waitFor(check: () => boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('RelayClient with the real relay', () => {
  it('hands a scheduled post over; the relay publishes it once while the desktop is closed; its result settles the local job', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cadence-relay-'));
    folders.push(dataDir);
    const tokens = new PeerTokens(peer.issueToken(['read', 'write']));
    const text = `Published by the relay ${randomUUID().slice(0, 8)}`;

    const t = await openCore(dataDir);
    const accountId = await connectMastodon(t);
    const { post, job, runner } = await scheduledPost(t, tokens, text, 1_500);
    const relay = relayFor(t, tokens, dataDir);
    await expect(relay.handOff(job.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await relay.setAccountRelay(accountId, true);
    const handed = await relay.handOff(job.id);
    expect(handed.status).toBe('relayed');

    // The local runner skips a relayed job even once it is due.
    t.clock.advance(60_000);
    expect(await runner.runDue()).toBe(0);
    expect(peer.statuses().filter((s) => s.text.includes(text))).toHaveLength(0);
    const stored = await server.database.db
      .selectFrom('relay_jobs')
      .select('sealed')
      .where('user_id', '=', user.userId)
      .execute();
    expect(JSON.stringify(stored)).not.toContain('never-leaves-the-device');
    expect(JSON.stringify(stored)).not.toContain(text);
    await t.dispose();

    // Desktop closed: the server's worker publishes at the scheduled time.
    await waitFor(() => peer.statuses().some((s) => s.text.includes(text)));

    const again = await openCore(dataDir);
    cores.push(again);
    const { settled } = await relayFor(again, tokens, dataDir).pullResults();
    expect(settled).toBe(1);
    const local = await again.core.database.db
      .selectFrom('publish_jobs')
      .selectAll()
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    const published = peer.statuses().filter((s) => s.text.includes(text));
    expect(published).toHaveLength(1);
    expect(local).toMatchObject({ status: 'published', external_id: published[0]!.id, lease_owner: null });
    expect(local.url).toContain(published[0]!.id);
    expect((await again.core.services.posts.get(post.id)).status).toBe('published');
    const publication = await again.core.database.db
      .selectFrom('post_publications')
      .selectAll()
      .where('post_id', '=', post.id)
      .executeTakeFirstOrThrow();
    expect(publication.external_id).toBe(published[0]!.id);
    // A second pull settles nothing more.
    expect((await relayFor(again, tokens, dataDir).pullResults()).settled).toBe(0);
  });

  it('takes a job back before the relay starts it (quota returned); refuses once the relay has started', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cadence-relay-'));
    folders.push(dataDir);
    const tokens = new PeerTokens(peer.issueToken(['read', 'write']));
    const t = await openCore(dataDir);
    cores.push(t);
    const accountId = await connectMastodon(t);
    const relay = relayFor(t, tokens, dataDir);
    await relay.setAccountRelay(accountId, true);
    const first = await scheduledPost(t, tokens, 'Taken back before its time', 3_600_000);
    const second = await scheduledPost(t, tokens, 'Started by the relay', 3_600_000);
    const { handed } = await relay.handOffEligible();
    expect(handed.sort()).toEqual([first.job.id, second.job.id].sort());
    const usage = async () =>
      (
        await server.database.db
          .selectFrom('usage_counters')
          .select('amount')
          .where('user_id', '=', user.userId)
          .executeTakeFirstOrThrow()
      ).amount;
    const used = await usage();

    const back = await relay.takeBack(first.job.id);
    expect(back.status).toBe('queued');
    expect(await usage()).toBe(used - 1);
    const remote = await server.database.db
      .selectFrom('relay_jobs')
      .select('status')
      .where('idempotency_key', '=', first.job.idempotency_key)
      .executeTakeFirstOrThrow();
    expect(remote.status).toBe('cancelled');

    await server.database.db
      .updateTable('relay_jobs')
      .set({ status: 'sending', lease_owner: 'elsewhere' })
      .where('idempotency_key', '=', second.job.idempotency_key)
      .execute();
    const refused = await relay.takeBack(second.job.id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ContractError);
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    const still = await t.core.database.db
      .selectFrom('publish_jobs')
      .select('status')
      .where('id', '=', second.job.id)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('relayed');
    // The relay's failure settles the local job with its reason.
    await server.database.db
      .updateTable('relay_jobs')
      .set({
        status: 'failed',
        error_code: 'invalid',
        error_message: 'Mastodon refused the post: too long',
        updated_at: new Date(Date.now() + 1_000),
      })
      .where('idempotency_key', '=', second.job.idempotency_key)
      .execute();
    expect((await relay.pullResults()).settled).toBe(1);
    const failed = await t.core.database.db
      .selectFrom('publish_jobs')
      .selectAll()
      .where('id', '=', second.job.id)
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({
      status: 'failed',
      error_kind: 'invalid',
      last_error: 'Mastodon refused the post: too long',
    });
  });

  it('a relayed post that is trashed comes back from the relay and its job is cancelled here', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cadence-relay-'));
    folders.push(dataDir);
    const tokens = new PeerTokens(peer.issueToken(['read', 'write']));
    const t = await openCore(dataDir);
    cores.push(t);
    const accountId = await connectMastodon(t);
    const relay = relayFor(t, tokens, dataDir);
    await relay.setAccountRelay(accountId, true);
    const stop = followRelayedPosts({
      relay,
      events: t.core.events,
      db: t.core.database.db,
      logger: t.core.ports.logger,
      resync: (postId) => t.core.domains.publishing.service.syncPost(postId),
    });
    const { post, job } = await scheduledPost(t, tokens, 'Trashed after the hand-off', 3_600_000);
    await relay.handOff(job.id);
    await t.core.services.posts.trash([post.id]);
    await waitFor(
      () =>
        t.core.database.raw.prepare('select status from publish_jobs where id = ?').pluck().get(job.id) === 'cancelled',
    );
    stop();
    const remote = await server.database.db
      .selectFrom('relay_jobs')
      .select('status')
      .where('idempotency_key', '=', job.idempotency_key)
      .executeTakeFirstOrThrow();
    expect(remote.status).toBe('cancelled');
  });

  it('keeps a post whose token expires before its time, and hands over the rest in the background', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cadence-relay-'));
    folders.push(dataDir);
    const t = await openCore(dataDir);
    cores.push(t);
    const accountId = await connectMastodon(t);
    const soon = new Date(t.clock.now().getTime() + 600_000).toISOString();
    const shortLived = relayFor(t, new PeerTokens(peer.issueToken(['read', 'write']), soon), dataDir);
    await shortLived.setAccountRelay(accountId, true);
    const late = await scheduledPost(t, new PeerTokens('unused'), 'Due after the token ends', 3_600_000);
    const error = await shortLived.handOff(late.job.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect((error as Error).message).toContain('expires before this post');
    expect(
      (
        await t.core.database.db
          .selectFrom('publish_jobs')
          .select('status')
          .where('id', '=', late.job.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('queued');

    const stop = startRelayPolling(
      relayFor(t, new PeerTokens(peer.issueToken(['read', 'write'])), dataDir),
      t.core.ports.logger,
      60_000,
    );
    try {
      await waitFor(
        () =>
          t.core.database.raw.prepare('select status from publish_jobs where id = ?').pluck().get(late.job.id) ===
          'relayed',
      );
    } finally {
      stop();
    }
  });

  it('a refused hand-off (quota used up) leaves the job in the local queue', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cadence-relay-'));
    folders.push(dataDir);
    const capped = await createTestUser(server, { tier: 'free' });
    const period = new Date().toISOString().slice(0, 7);
    await server.database.db
      .insertInto('usage_counters')
      .values({ user_id: capped.userId, period, kind: 'relay_posts', amount: 30 })
      .execute();
    const tokens = new PeerTokens(peer.issueToken(['read', 'write']));
    const t = await openCore(dataDir);
    cores.push(t);
    const accountId = await connectMastodon(t);
    const relay = new RelayClient({
      database: t.core.database,
      clock: t.clock,
      logger: t.core.ports.logger,
      tokens,
      session: {
        current: () => ({ serverUrl: server.url, userId: capped.userId }),
        accessToken: async () => capped.accessToken,
      },
      dataDir,
    });
    await relay.setAccountRelay(accountId, true);
    const { job } = await scheduledPost(t, tokens, 'Over the allowance', 3_600_000);
    const error = await relay.handOff(job.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    expect((error as Error).message).toContain('relay posts are used up');
    const local = await t.core.database.db
      .selectFrom('publish_jobs')
      .select('status')
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(local.status).toBe('queued');
  });
});
