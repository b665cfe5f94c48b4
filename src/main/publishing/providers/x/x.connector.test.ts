import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startXPeer, type XPeer, xFaults } from '../../../../../test/peers/x/server';
import { type MediaItem } from '../connector';
import { connectorTestSetup, failure } from '../connector.test-support';
import { createXConnector } from './x.connector';

let peer: XPeer;
let folder: string;
let png: MediaItem;
let video: MediaItem;
let token: string;

const connector = createXConnector({ timeoutMs: 2_000, chunkBytes: 256, mediaPollMs: 1 });

beforeAll(async () => {
  peer = await startXPeer({ videoProcessingPolls: 2 });
  folder = await mkdtemp(join(tmpdir(), 'cadence-x-'));
  const path = join(folder, 'photo.png');
  const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#cc3366' } })
    .png()
    .toBuffer();
  await writeFile(path, bytes);
  png = {
    path,
    mime: 'image/png',
    bytes: bytes.length,
    kind: 'image',
    width: 40,
    height: 30,
    durationMs: null,
    altText: 'A pink square',
  };
  const videoPath = join(folder, 'clip.mp4');
  await writeFile(videoPath, Buffer.alloc(1000, 7));
  video = { ...png, path: videoPath, mime: 'video/mp4', bytes: 1000, kind: 'video', durationMs: 3000, altText: '' };
});
afterAll(async () => {
  await peer.close();
  await rm(folder, { recursive: true, force: true });
});
beforeEach(() => {
  token = peer.issueToken();
  rateLimits.length = 0;
});

const setup = connectorTestSetup(() => ({
  baseUrl: peer.origin,
  token: { accessToken: token, refreshToken: 'refresh' },
  account: { id: 'acc-x', handle: '@creator', externalId: peer.user.id, instanceUrl: null },
}));
const { context, request, rateLimits } = setup;

describe('X connector against the peer', () => {
  it('posts text and reports x-rate-limit headers (reset in epoch seconds)', async () => {
    const outcome = await connector.publish(context(), request(['Hello X & friends, see https://example.com/a']));
    if (outcome.status !== 'published') throw new Error('not published');
    expect(outcome.url).toBe(`https://x.com/creator/status/${outcome.externalId}`);
    expect(peer.tweet(outcome.externalId)?.text).toBe('Hello X & friends, see https://example.com/a');
    const limit = rateLimits.find((r) => r.bucket === 'POST /2/tweets');
    expect(limit).toMatchObject({ limit: 300, remaining: expect.any(Number) });
    expect(Date.parse(limit?.resetAt ?? '')).toBeGreaterThan(Date.now());
  });

  it('posts a thread as replies to self', async () => {
    const outcome = await connector.publish(context(), request(['thread 1/3', 'thread 2/3', 'thread 3/3']));
    if (outcome.status !== 'published') throw new Error('not published');
    const ids = outcome.partIds ?? [];
    expect(ids.map((id) => peer.tweet(id)?.inReplyToId)).toEqual([null, ids[0], ids[1]]);
  });

  it('uploads an image in chunks (initialize, append, finalize), sets alt text, then posts', async () => {
    const outcome = await connector.publish(context(), request(['a picture'], [png]));
    if (outcome.status !== 'published') throw new Error('not published');
    const mediaId = peer.tweet(outcome.externalId)?.mediaIds[0] ?? '';
    expect(peer.media(mediaId)).toMatchObject({ finalized: true, altText: 'A pink square' });
    const steps = peer.requests
      .filter((r) => r.path.startsWith('/2/media') || r.path === '/2/tweets')
      .map((r) => r.path.replace(mediaId, ':id'));
    expect(steps.at(-1)).toBe('/2/tweets');
    expect(steps.filter((s) => s.endsWith('/append')).length).toBe(Math.ceil(png.bytes / 256));
  });

  it('waits for video processing with STATUS before posting', async () => {
    const outcome = await connector.publish(context(), request(['a clip'], [video]));
    expect(outcome.status).toBe('published');
    expect(peer.requests.some((r) => r.query.get('command') === 'STATUS')).toBe(true);
  });

  it('the peer refuses a post whose media is not finalized', async () => {
    const res = await fetch(`${peer.origin}/2/media/upload/initialize`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ media_type: 'image/png', total_bytes: 10, media_category: 'tweet_image' }),
    });
    const { data } = (await res.json()) as { data: { id: string } };
    const tweet = await fetch(`${peer.origin}/2/tweets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'too soon', media: { media_ids: [data.id] } }),
    });
    expect(tweet.status).toBe(400);
    const unknownField = await fetch(`${peer.origin}/2/tweets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x', status: 'mastodon style' }),
    });
    expect(await unknownField.json()).toMatchObject({ type: 'https://api.twitter.com/2/problems/invalid-request' });
  });

  it('finds a post whose response was dropped, by its text among recent posts', async () => {
    const since = new Date().toISOString();
    const req = request(['dropped & found: example.com/page', 'second part']);
    expect(await connector.findExisting(context(), req, since)).toBeNull();
    peer.inject({ kind: 'drop-after', path: /^\/2\/tweets$/ });
    expect((await failure(connector.publish(context(), req))).kind).toBe('network');
    const found = await connector.findExisting(context(), req, since);
    const first = peer.tweets().find((t) => t.text === req.parts[0]);
    expect(found).toMatchObject({ externalId: first?.id, partIds: [first?.id] });
  });

  it('deletes a post; metrics leave out ids X no longer knows', async () => {
    const outcome = await connector.publish(context(), request(['to be deleted']));
    if (outcome.status !== 'published') throw new Error('not published');
    await connector.delete(context(), outcome.externalId);
    expect(peer.tweet(outcome.externalId)?.deleted).toBe(true);
    await connector.delete(context(), outcome.externalId);
    expect((await connector.postMetrics(context(), [outcome.externalId])).size).toBe(0);
  });

  it('reads public metrics and followers', async () => {
    const outcome = await connector.publish(context(), request(['measured']));
    if (outcome.status !== 'published') throw new Error('not published');
    Object.assign(peer.tweet(outcome.externalId)?.metrics ?? {}, {
      like_count: 5,
      retweet_count: 2,
      quote_count: 1,
      reply_count: 4,
      impression_count: 900,
      bookmark_count: 3,
    });
    const metrics = await connector.postMetrics(context(), [outcome.externalId, '1']);
    expect(metrics.get(outcome.externalId)).toEqual({
      impressions: 900,
      reach: null,
      views: null,
      likes: 5,
      comments: 4,
      shares: 3,
      saves: 3,
      clicks: null,
    });
    expect(metrics.has('1')).toBe(false);
    expect(await connector.accountMetrics(context())).toEqual({ followers: peer.user.followers });
    expect(await connector.whoAmI(context())).toMatchObject({ externalId: peer.user.id, handle: '@creator' });
  });

  it('maps 401, missing scope, duplicate, 429 and 5xx to the kinds the queue acts on', async () => {
    token = peer.issueToken(undefined, 0);
    expect((await failure(connector.accountMetrics(context()))).kind).toBe('auth_expired');
    expect((await failure(connector.accountMetrics(context({ token: { accessToken: token } })))).kind).toBe(
      'auth_revoked',
    );
    token = peer.issueToken(['tweet.read', 'users.read']);
    expect((await failure(connector.publish(context(), request(['no write'])))).kind).toBe('missing_scope');
    token = peer.issueToken();
    await connector.publish(context(), request(['said twice']));
    expect(await failure(connector.publish(context(), request(['said twice'])))).toMatchObject({
      kind: 'invalid',
      details: { platformCode: 'duplicate' },
    });

    const resetAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 60_000);
    peer.inject(xFaults.rateLimited(resetAt));
    expect(await failure(connector.accountMetrics(context()))).toMatchObject({
      kind: 'rate_limited',
      details: { resetAt: resetAt.toISOString() },
    });
    expect(rateLimits.at(-1)).toMatchObject({ remaining: 0, resetAt: resetAt.toISOString() });
    peer.inject(xFaults.serverError(503));
    expect((await failure(connector.accountMetrics(context()))).kind).toBe('server');
    peer.inject({ kind: 'drop-before' });
    expect((await failure(connector.accountMetrics(context()))).kind).toBe('network');
  });

  it('refuses over-limit text (280 weighted) before sending anything', async () => {
    const cjk = '漢'.repeat(141); // 282 weighted
    expect(connector.validate(request([cjk])).some((f) => f.severity === 'error')).toBe(true);
    expect(connector.validate(request(['漢'.repeat(140)])).filter((f) => f.severity === 'error')).toEqual([]);
    const before = peer.requests.length;
    expect((await failure(connector.publish(context(), request(['fine', cjk])))).kind).toBe('invalid');
    expect(peer.requests.length).toBe(before);
  });
});
