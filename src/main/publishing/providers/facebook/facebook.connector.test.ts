import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FacebookPeer, facebookFaults, startFacebookPeer } from '../../../../../test/peers/facebook/server';
import { type MediaItem } from '../connector';
import { connectorTestSetup, failure } from '../connector.test-support';
import { createFacebookConnector } from './facebook.connector';

let peer: FacebookPeer;
let folder: string;
let photo: MediaItem;
let userToken: string;

const connector = createFacebookConnector({ timeoutMs: 2_000 });

beforeAll(async () => {
  peer = await startFacebookPeer();
  folder = await mkdtemp(join(tmpdir(), 'cadence-fb-'));
  const path = join(folder, 'photo.png');
  await writeFile(path, Buffer.alloc(600, 3));
  photo = {
    path,
    mime: 'image/png',
    bytes: 600,
    kind: 'image',
    width: 40,
    height: 30,
    durationMs: null,
    altText: 'A square',
  };
});
afterAll(async () => {
  await peer.close();
  await rm(folder, { recursive: true, force: true });
});
beforeEach(() => {
  userToken = peer.issueUserToken();
  rateLimits.length = 0;
});

const setup = connectorTestSetup(() => ({
  baseUrl: peer.origin,
  token: { accessToken: userToken },
  account: { id: 'acc-fb', handle: 'Peer Creator Page', externalId: peer.page.id, instanceUrl: null },
}));
const { context, request, rateLimits } = setup;

describe('Facebook Pages connector against the peer', () => {
  it('posts a message with its link to the feed with a Page token found through /me/accounts', async () => {
    const outcome = await connector.publish(context(), request(['New video out: https://example.com/v/1.']));
    if (outcome.status !== 'published') throw new Error('not published');
    const post = peer.post(outcome.externalId);
    expect(post).toMatchObject({ message: 'New video out: https://example.com/v/1.', link: 'https://example.com/v/1' });
    expect(outcome.url).toBe(`https://www.facebook.com/${outcome.externalId.replace('_', '/posts/')}`);
    expect(peer.requests.at(-1)?.path).toBe(`/v21.0/${peer.page.id}/feed`);
    expect(rateLimits.some((r) => r.bucket === 'app')).toBe(true);
    expect(rateLimits.some((r) => r.bucket === `buc:${peer.page.id}:pages`)).toBe(true);
  });

  it('posts one photo published with its caption, several as unpublished photos then attached_media', async () => {
    const one = await connector.publish(context(), request(['one photo'], [photo]));
    if (one.status !== 'published') throw new Error('not published');
    const single = peer.post(one.externalId);
    expect(single?.message).toBe('one photo');
    expect(peer.photo(single?.photoIds[0] ?? '')).toMatchObject({ published: true, bytes: 600, altText: 'A square' });

    const many = await connector.publish(context(), request(['three photos'], [photo, photo, photo]));
    if (many.status !== 'published') throw new Error('not published');
    const post = peer.post(many.externalId);
    expect(post?.photoIds).toHaveLength(3);
    for (const id of post?.photoIds ?? [])
      expect(peer.photo(id)).toMatchObject({ published: false, attachedTo: post?.id });
  });

  it('the peer refuses attached_media of a published photo, unknown params and a user token', async () => {
    const pageToken = peer.issuePageToken();
    const post = (token: string, body: unknown) =>
      fetch(`${peer.origin}/v21.0/${peer.page.id}/feed`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const one = await connector.publish(context(), request(['already published'], [photo]));
    if (one.status !== 'published') throw new Error('not published');
    const photoId = peer.post(one.externalId)?.photoIds[0] ?? '';
    const attached = await post(pageToken, { message: 'reuse', attached_media: [{ media_fbid: photoId }] });
    expect(attached.status).toBe(400);
    expect(await attached.json()).toMatchObject({ error: { code: 100, type: 'OAuthException' } });
    expect((await post(pageToken, { message: 'x', status: 'no' })).status).toBe(400);
    const asUser = await post(userToken, { message: 'as user' });
    expect(await asUser.json()).toMatchObject({ error: { code: 210 } });
  });

  it('finds a post whose answer was dropped, by its message among the Page posts', async () => {
    const since = new Date().toISOString();
    const req = request(['dropped but posted']);
    expect(await connector.findExisting(context(), req, since)).toBeNull();
    peer.inject({ kind: 'drop-after', path: /\/feed$/ });
    expect((await failure(connector.publish(context(), req))).kind).toBe('network');
    const found = await connector.findExisting(context(), req, since);
    expect(found?.externalId).toBe(peer.posts().find((p) => p.message === 'dropped but posted')?.id);
  });

  it('reads reactions, comments, shares and insights; followers; deletes', async () => {
    const outcome = await connector.publish(context(), request(['measured']));
    if (outcome.status !== 'published') throw new Error('not published');
    Object.assign(peer.post(outcome.externalId) ?? {}, {
      reactions: 7,
      comments: 3,
      shares: 2,
      insights: { post_impressions: 500, post_impressions_unique: 320, post_clicks: 12 },
    });
    const metrics = await connector.postMetrics(context(), [outcome.externalId, `${peer.page.id}_1`]);
    expect(metrics.get(outcome.externalId)).toEqual({
      impressions: 500,
      reach: 320,
      views: null,
      likes: 7,
      comments: 3,
      shares: 2,
      saves: null,
      clicks: 12,
    });
    expect(metrics.size).toBe(1);
    expect(await connector.accountMetrics(context())).toEqual({ followers: peer.page.followers });
    expect(await connector.whoAmI(context())).toMatchObject({ externalId: peer.page.id, handle: peer.page.name });
    await connector.delete(context(), outcome.externalId);
    expect(peer.post(outcome.externalId)?.deleted).toBe(true);
    await connector.delete(context(), outcome.externalId);
  });

  it('maps Graph errors: expired token, missing permission, throttling with regain time, 5xx, drops', async () => {
    userToken = peer.issueUserToken(undefined, 0);
    expect(await failure(connector.accountMetrics(context()))).toMatchObject({
      kind: 'auth_expired',
      details: { platformCode: '190/463' },
    });
    userToken = peer.issueUserToken(['pages_show_list', 'pages_read_engagement']);
    expect((await failure(connector.publish(context(), request(['no write'])))).kind).toBe('missing_scope');
    userToken = peer.issueUserToken();
    const before = Date.now();
    peer.inject(facebookFaults.rateLimited(peer.page.id, 15, /followers|\/\d+$/));
    const limited = await failure(connector.accountMetrics(context()));
    expect(limited.kind).toBe('rate_limited');
    expect(Date.parse(limited.details.resetAt ?? '')).toBeGreaterThanOrEqual(before + 15 * 60_000);
    expect(rateLimits.at(-1)).toMatchObject({ remaining: 0 });
    peer.inject(facebookFaults.serverError(500));
    expect((await failure(connector.accountMetrics(context()))).kind).toBe('server');
    peer.inject({ kind: 'drop-before' });
    expect((await failure(connector.accountMetrics(context()))).kind).toBe('network');
  });

  it('refuses a video mixed with photos and over-long messages before sending anything', async () => {
    const before = peer.requests.length;
    const video: MediaItem = { ...photo, kind: 'video', mime: 'video/mp4' };
    expect((await failure(connector.publish(context(), request(['clip'], [video, photo])))).kind).toBe('invalid');
    expect((await failure(connector.publish(context(), request(['x'.repeat(63_207)])))).kind).toBe('invalid');
    expect(peer.requests.length).toBe(before);
    expect(connector.validate(request(['a', 'b'])).map((f) => f.severity)).toEqual(['warning']);
  });
});
