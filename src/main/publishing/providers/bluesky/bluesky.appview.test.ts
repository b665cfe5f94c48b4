import { AtpAgent } from '@atproto/api';
import { TestNetwork } from '@atproto/dev-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeOk } from '../../../../../test/support/invoke';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/postgres';
import { createTestCore, type TestCore } from '../../../../../test/support/test-core';
import type { ConnectorContext } from '../connector';
import { createBlueskyConnector, parseAtUri } from './bluesky.connector';

/**
 * Metrics through a REAL AppView: @atproto/dev-env's `TestNetwork` (PLC, PDS, bsky AppView with its
 * dataplane, bsync, ozone) on a fresh PostgreSQL database. The creator connects with an app password
 * through the accounts domain; two other accounts follow, like, repost, quote and reply (test setup,
 * through their own agents); once the AppView has indexed the firehose, the connector's
 * `postMetrics` and `accountMetrics` (asked of the creator's PDS, which proxies `app.bsky.*` to the
 * AppView) must give exactly those counts. Start-up is a few seconds (see the README).
 */
let database: TestDatabase;
let network: TestNetwork;
let t: TestCore;
let context: ConnectorContext;
let bob: AtpAgent;
let cy: AtpAgent;
let creatorDid: string;
const connector = createBlueskyConnector({ timeoutMs: 15_000 });

/** A signed-in agent for a new account on the network's PDS. */
async function account(handle: string): Promise<AtpAgent> {
  const agent = new AtpAgent({ service: network.pds.url });
  await agent.createAccount({ email: `${handle}@cadence.test`, handle, password: `${handle}-password` });
  return agent;
}

beforeAll(async () => {
  database = await createTestDatabase('bsky');
  // dev-env asserts that REDIS_HOST is set, but the AppView it starts never connects to Redis in this
  // version (nothing in @atproto/bsky's server reads the setting): any value passes the check.
  process.env.REDIS_HOST ??= 'redis.unused.invalid:6379';
  // The schema name becomes Postgres schemas `appview_<name>`, `bsync_<name>`, `ozone_<name>`:
  // letters and underscores only.
  network = await TestNetwork.create({ dbPostgresUrl: database.url, dbPostgresSchema: 'cadence' });

  const creator = await account('ada.test');
  creatorDid = creator.assertDid;
  const appPassword = (await creator.com.atproto.server.createAppPassword({ name: 'cadence' })).data.password;
  bob = await account('bobby.test');
  cy = await account('cyrus.test');

  t = await createTestCore();
  const connected = await invokeOk(t.core, 'accounts:connect-app-password', {
    handle: '@ada.test',
    appPassword,
    service: network.pds.url,
  });
  context = await t.core.domains.accounts.tokens.context(connected.id);
}, 180_000);

afterAll(async () => {
  await t?.dispose();
  await network?.close();
  await database?.drop();
}, 60_000);

describe('Bluesky metrics through a real AppView', () => {
  it('counts likes, replies, reposts + quotes of a post the connector published, and followers', async () => {
    const published = await connector.publish(context, {
      parts: ['Counting on the AppView 📈 https://cadence.example/metrics'],
      media: [],
      idempotencyKey: 'job-appview-metrics',
    });
    if (published.status !== 'published') throw new Error('expected published');
    const uri = published.externalId;
    const { cid } = (await bob.com.atproto.repo.getRecord(parseAtUri(uri))).data;
    if (!cid) throw new Error('the record has no cid');

    await bob.follow(creatorDid);
    await cy.follow(creatorDid);
    const bobLike = await bob.like(uri, cid);
    await cy.like(uri, cid);
    await bob.repost(uri, cid);
    await bob.post({ text: 'Nice numbers', reply: { root: { uri, cid }, parent: { uri, cid } } });
    await cy.post({ text: 'Quoting this', embed: { $type: 'app.bsky.embed.record', record: { uri, cid } } });
    await network.processAll();

    const metrics = await connector.postMetrics(context, [uri]);
    expect(metrics.get(uri)).toEqual({
      impressions: null,
      reach: null,
      views: null,
      likes: 2,
      comments: 1,
      shares: 2, // one repost + one quote
      saves: null,
      clicks: null,
    });
    expect(await connector.accountMetrics(context)).toEqual({ followers: 2 });

    // The counts follow the network: an undone like and a lost follower show at the next pull.
    await bob.deleteLike(bobLike.uri);
    const follows = await cy.app.bsky.graph.getFollows({ actor: cy.assertDid });
    const follow = follows.data.follows.find((f) => f.did === creatorDid)?.viewer?.following;
    if (!follow) throw new Error('cy does not follow the creator');
    await cy.deleteFollow(follow);
    await network.processAll();
    expect((await connector.postMetrics(context, [uri])).get(uri)).toMatchObject({ likes: 1, comments: 1, shares: 2 });
    expect(await connector.accountMetrics(context)).toEqual({ followers: 1 });
  });

  it('gives zero counts (not unknown) for a fresh post, and leaves out a deleted one', async () => {
    const fresh = await connector.publish(context, {
      parts: ['Nobody saw this yet'],
      media: [],
      idempotencyKey: 'job-fresh',
    });
    const doomed = await connector.publish(context, {
      parts: ['About to go'],
      media: [],
      idempotencyKey: 'job-doomed',
    });
    if (fresh.status !== 'published' || doomed.status !== 'published') throw new Error('expected published');
    await connector.delete(context, doomed.externalId);
    await network.processAll();
    const metrics = await connector.postMetrics(context, [fresh.externalId, doomed.externalId]);
    expect(metrics.get(fresh.externalId)).toMatchObject({ likes: 0, comments: 0, shares: 0 });
    expect(metrics.has(doomed.externalId)).toBe(false);
  });

  it('reads more than one getPosts batch (25 uris a call) in one pull', async () => {
    const uris: string[] = [];
    for (let i = 0; i < 27; i += 1) {
      const outcome = await connector.publish(context, {
        parts: [`Batch post ${i}`],
        media: [],
        idempotencyKey: `job-batch-${i}`,
      });
      if (outcome.status !== 'published') throw new Error('expected published');
      uris.push(outcome.externalId);
    }
    const last = uris.at(-1) ?? '';
    const { cid } = (await bob.com.atproto.repo.getRecord(parseAtUri(last))).data;
    await bob.like(last, cid ?? '');
    await network.processAll();
    const metrics = await connector.postMetrics(context, uris);
    expect(metrics.size).toBe(27);
    expect(metrics.get(last)?.likes).toBe(1);
  });
});
