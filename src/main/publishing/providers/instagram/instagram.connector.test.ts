import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphFaults } from '../../../../../test/peers/instagram/graph-peer';
import { startMediaHost, type MediaHost } from '../../../../../test/peers/instagram/media-host';
import { type InstagramPeer, startInstagramPeer } from '../../../../../test/peers/instagram/server';
import { type MediaItem, type PublishRequest } from '../connector';
import { connectorTestSetup, failure } from '../connector.test-support';
import { createInstagramConnector } from './instagram.connector';

let peer: InstagramPeer;
let host: MediaHost;
let token: string;
let photo: MediaItem;
let reel: MediaItem;

const connector = createInstagramConnector({ timeoutMs: 2_000, pollMs: 1, pollsPerPublish: 5 });

beforeAll(async () => {
  peer = await startInstagramPeer({ videoProcessingPolls: 2 });
  const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366cc' } })
    .jpeg()
    .toBuffer();
  host = await startMediaHost({
    'photo.jpg': { type: 'image/jpeg', bytes: jpeg },
    'clip.mp4': { type: 'video/mp4', bytes: Buffer.alloc(1000, 7) },
  });
  photo = {
    path: '/data/media/photo.jpg',
    mime: 'image/jpeg',
    bytes: jpeg.length,
    kind: 'image',
    width: 40,
    height: 30,
    durationMs: null,
    altText: 'A blue square',
    publicUrl: host.url('photo.jpg'),
  };
  reel = {
    ...photo,
    path: '/data/media/clip.mp4',
    mime: 'video/mp4',
    bytes: 1000,
    kind: 'video',
    durationMs: 3000,
    altText: '',
    publicUrl: host.url('clip.mp4'),
  };
});
afterAll(async () => {
  await peer.close();
  await host.close();
});
beforeEach(() => {
  token = peer.issueToken();
  rateLimits.length = 0;
});

const setup = connectorTestSetup(() => ({
  baseUrl: peer.origin,
  token: { accessToken: token },
  account: { id: 'acc-ig', handle: '@creator', externalId: peer.user.id, instanceUrl: null },
}));
const { context, request, rateLimits } = setup;

const publishCalls = () => peer.requests.filter((r) => r.path.endsWith('/media_publish'));

describe('Instagram connector against the peer', () => {
  it('publishes an image: container, status FINISHED, media_publish; reports quota and usage headers', async () => {
    const outcome = await connector.publish(context(), request(['Hello #cadence'], [photo]));
    if (outcome.status !== 'published') throw new Error('not published');
    const posted = peer.media().find((m) => m.id === outcome.externalId);
    expect(posted).toMatchObject({ caption: 'Hello #cadence', mediaType: 'IMAGE' });
    expect(outcome.url).toBe(posted?.permalink);
    expect(peer.container(posted?.containerId ?? '')).toMatchObject({
      altText: 'A blue square',
      statusCode: 'PUBLISHED',
    });
    expect(rateLimits.find((r) => r.bucket === 'content_publishing_limit')).toMatchObject({ limit: 100 });
    expect(rateLimits.find((r) => r.bucket === 'app')).toMatchObject({ limit: 100, remaining: expect.any(Number) });
    expect(rateLimits.some((r) => r.bucket.startsWith('business:'))).toBe(true);
  });

  it('publishes a reel only after its container is FINISHED, handing back pending in between', async () => {
    const patient = createInstagramConnector({ timeoutMs: 2_000, pollMs: 1, pollsPerPublish: 0 });
    const before = publishCalls().length;
    let outcome = await patient.publish(context(), request(['A reel'], [reel]));
    expect(outcome.status).toBe('pending');
    expect(publishCalls().length).toBe(before);
    for (let i = 0; outcome.status === 'pending' && i < 5; i += 1) {
      outcome = await patient.checkStatus(context(), outcome.remote);
    }
    if (outcome.status !== 'published') throw new Error('not published');
    const posted = peer.media().find((m) => m.id === outcome.externalId);
    const container = peer.container(posted?.containerId ?? '');
    expect(container).toMatchObject({ mediaType: 'REELS', statusCode: 'PUBLISHED' });
    expect(container?.checks).toEqual(['IN_PROGRESS', 'FINISHED']);
  });

  it('publishes a carousel: carousel items, then a CAROUSEL container with children', async () => {
    const outcome = await connector.publish(context(), request(['Three things'], [photo, reel, photo]));
    if (outcome.status !== 'published') throw new Error('not published');
    const posted = peer.media().find((m) => m.id === outcome.externalId);
    expect(posted).toMatchObject({ mediaType: 'CAROUSEL_ALBUM', caption: 'Three things' });
    const children = (posted?.children ?? []).map((id) => peer.container(id));
    expect(children.map((c) => [c?.mediaType, c?.isCarouselItem])).toEqual([
      ['IMAGE', true],
      ['VIDEO', true],
      ['IMAGE', true],
    ]);
  });

  it('a video the platform cannot fetch ends in ERROR: invalid, never published', async () => {
    const before = publishCalls().length;
    const broken = { ...reel, publicUrl: host.url('missing.mp4') };
    const error = await failure(connector.publish(context(), request(['broken'], [broken])));
    expect(error).toMatchObject({ kind: 'invalid', details: { platformCode: 'ERROR' } });
    expect(publishCalls().length).toBe(before);
  });

  it('validates: media needs a public URL (relay or own host), JPEG only, caption 2200 / 30 tags / 20 mentions', () => {
    const errors = (req: PublishRequest) => connector.validate(req).filter((f) => f.severity === 'error');
    const local = { ...photo, publicUrl: undefined } as MediaItem;
    expect(errors(request(['no url'], [local]))[0]?.message).toMatch(
      /public URL.*relay \(the sync service\).*own host/,
    );
    expect(errors(request(['png'], [{ ...photo, mime: 'image/png' }]))).toHaveLength(1);
    expect(errors(request(['text only']))).toHaveLength(1);
    expect(errors(request(['a', 'b'], [photo]))).toHaveLength(1);
    expect(errors(request(['x'.repeat(2200)], [photo]))).toEqual([]);
    expect(errors(request(['x'.repeat(2201)], [photo]))).toHaveLength(1);
    const tags = (k: number) => Array.from({ length: k }, (_, i) => `#t${i}`).join(' ');
    expect(errors(request([tags(30)], [photo]))).toEqual([]);
    expect(errors(request([tags(31)], [photo]))).toHaveLength(1);
    const mentions = (k: number) => Array.from({ length: k }, (_, i) => `@u${i}`).join(' ');
    expect(errors(request([mentions(20)], [photo]))).toEqual([]);
    expect(errors(request([mentions(21)], [photo]))).toHaveLength(1);
  });

  it('refuses to send an invalid post, so nothing reaches the peer', async () => {
    const before = peer.requests.length;
    const local = { ...photo, publicUrl: undefined } as MediaItem;
    expect((await failure(connector.publish(context(), request(['x'], [local])))).kind).toBe('invalid');
    expect(peer.requests.length).toBe(before);
  });

  it('the peer refuses publishing an unfinished container, unknown parameters and long captions', async () => {
    const post = (path: string, fields: Record<string, string>) =>
      fetch(`${peer.origin}/v23.0/${peer.user.id}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      });
    const created = (await (await post('/media', { video_url: reel.publicUrl ?? '', media_type: 'REELS' })).json()) as {
      id: string;
    };
    const early = await post('/media_publish', { creation_id: created.id });
    expect(early.status).toBe(400);
    expect(await early.json()).toMatchObject({
      error: { code: 9007, error_subcode: 2207027, fbtrace_id: expect.any(String) },
    });
    expect(await (await post('/media', { image_url: photo.publicUrl ?? '', status: 'x' })).json()).toMatchObject({
      error: { code: 100 },
    });
    expect((await post('/media', { image_url: photo.publicUrl ?? '', caption: 'x'.repeat(2201) })).status).toBe(400);
    const unversioned = await fetch(`${peer.origin}/me?fields=id`, { headers: { authorization: `Bearer ${token}` } });
    expect(unversioned.status).toBe(400);
  });

  it('finds a post whose media_publish answer was lost, by caption among recent media', async () => {
    const since = new Date().toISOString();
    const req = request(['lost answer  #found'], [photo]);
    expect(await connector.findExisting(context(), req, since)).toBeNull();
    peer.inject({ kind: 'drop-after', path: /\/media_publish$/ });
    expect((await failure(connector.publish(context(), req))).kind).toBe('network');
    const found = await connector.findExisting(context(), req, since);
    const posted = peer.media().find((m) => m.caption === 'lost answer  #found');
    expect(found).toMatchObject({ externalId: posted?.id, url: posted?.permalink });
  });

  it('reads insights (reach, likes, comments, shares, saved, views) and followers; unknown ids left out', async () => {
    const outcome = await connector.publish(context(), request(['measured'], [photo]));
    if (outcome.status !== 'published') throw new Error('not published');
    const posted = peer.media().find((m) => m.id === outcome.externalId);
    Object.assign(posted?.insights ?? {}, { reach: 50, likes: 7, comments: 2, shares: 1, saved: 3, views: 120 });
    const metrics = await connector.postMetrics(context(), [outcome.externalId, '123']);
    expect(metrics.get(outcome.externalId)).toEqual({
      impressions: null,
      reach: 50,
      views: 120,
      likes: 7,
      comments: 2,
      shares: 1,
      saves: 3,
      clicks: null,
    });
    expect(metrics.has('123')).toBe(false);
    expect(await connector.accountMetrics(context())).toEqual({ followers: peer.user.followers });
    expect(await connector.whoAmI(context())).toMatchObject({ externalId: peer.user.id, handle: '@creator' });
    expect((await failure(connector.delete(context(), outcome.externalId))).kind).toBe('invalid');
  });

  it('maps code 190, missing permission, throttling codes, 5xx and dropped connections', async () => {
    token = peer.issueToken(undefined, 0);
    expect(await failure(connector.whoAmI(context()))).toMatchObject({
      kind: 'auth_expired',
      details: { platformCode: '190/463' },
    });
    token = peer.issueToken();
    peer.revokeToken(token);
    expect((await failure(connector.whoAmI(context()))).kind).toBe('auth_revoked');
    token = peer.issueToken(['instagram_business_basic']);
    expect((await failure(connector.publish(context(), request(['no publish'], [photo])))).kind).toBe('missing_scope');
    token = peer.issueToken();
    const started = Date.now();
    peer.inject(graphFaults.rateLimited(peer.user.id, 10));
    const limited = await failure(connector.accountMetrics(context()));
    expect(limited.kind).toBe('rate_limited');
    expect(Date.parse(limited.details.resetAt ?? '')).toBeGreaterThanOrEqual(started + 10 * 60_000);
    expect(rateLimits.filter((r) => r.bucket === 'app').at(-1)).toMatchObject({ remaining: 0 });
    peer.inject(graphFaults.serverError(500));
    expect((await failure(connector.accountMetrics(context()))).kind).toBe('server');
    peer.inject({ kind: 'drop-before' });
    expect((await failure(connector.accountMetrics(context()))).kind).toBe('network');
    peer.inject({ kind: 'stall' });
    const quick = createInstagramConnector({ timeoutMs: 100 });
    expect((await failure(quick.accountMetrics(context()))).kind).toBe('timeout');
  });

  it('stops at the 24-hour publishing limit (content_publishing_limit) before creating containers', async () => {
    const small = await startInstagramPeer({ publishLimit: 1 });
    try {
      const ctx = context({ baseUrl: small.origin, token: { accessToken: small.issueToken() } });
      expect((await connector.publish(ctx, request(['first'], [photo]))).status).toBe('published');
      const error = await failure(connector.publish(ctx, request(['second'], [photo])));
      expect(error).toMatchObject({ kind: 'rate_limited', details: { platformCode: 'content_publishing_limit' } });
      expect(small.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/media'))).toHaveLength(1);
    } finally {
      await small.close();
    }
  });
});
