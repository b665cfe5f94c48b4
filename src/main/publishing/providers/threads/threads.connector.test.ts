import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphFaults } from '../../../../../test/peers/instagram/graph-peer';
import { startMediaHost, type MediaHost } from '../../../../../test/peers/instagram/media-host';
import { startThreadsPeer, type ThreadsPeer } from '../../../../../test/peers/threads/server';
import { type MediaItem, type PublishRequest } from '../connector';
import { connectorTestSetup, failure } from '../connector.test-support';
import { createThreadsConnector } from './threads.connector';

let peer: ThreadsPeer;
let host: MediaHost;
let token: string;
let photo: MediaItem;

const connector = createThreadsConnector({ timeoutMs: 2_000, pollMs: 1, pollsPerPublish: 5 });

beforeAll(async () => {
  peer = await startThreadsPeer({ mediaProcessingPolls: 2 });
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#cc3366' } })
    .png()
    .toBuffer();
  host = await startMediaHost({ 'photo.png': { type: 'image/png', bytes: png } });
  photo = {
    path: '/data/media/photo.png',
    mime: 'image/png',
    bytes: png.length,
    kind: 'image',
    width: 40,
    height: 30,
    durationMs: null,
    altText: 'A pink square',
    publicUrl: host.url('photo.png'),
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
  account: { id: 'acc-th', handle: '@creator', externalId: peer.user.id, instanceUrl: null },
}));
const { context, request, rateLimits } = setup;

describe('Threads connector against the peer', () => {
  it('publishes a thread: each part a TEXT container replying to the part before', async () => {
    const outcome = await connector.publish(context(), request(['first', 'second', 'third']));
    if (outcome.status !== 'published') throw new Error('not published');
    const ids = outcome.partIds ?? [];
    expect(ids.map((id) => peer.post(id)?.text)).toEqual(['first', 'second', 'third']);
    expect(ids.map((id) => peer.post(id)?.replyToId)).toEqual([null, ids[0], ids[1]]);
    expect(outcome.url).toBe(peer.post(ids[0] ?? '')?.permalink);
    expect(rateLimits.find((r) => r.bucket === 'threads_posts')).toMatchObject({ limit: 250 });
    expect(rateLimits.find((r) => r.bucket === 'threads_replies')).toMatchObject({ limit: 1000 });
  });

  it('publishes an image only after its container is FINISHED; pending in between', async () => {
    const patient = createThreadsConnector({ timeoutMs: 2_000, pollMs: 1, pollsPerPublish: 0 });
    let outcome = await patient.publish(context(), request(['with a picture', 'and a reply'], [photo]));
    expect(outcome.status).toBe('pending');
    for (let i = 0; outcome.status === 'pending' && i < 5; i += 1) {
      outcome = await patient.checkStatus(context(), outcome.remote);
    }
    if (outcome.status !== 'published') throw new Error('not published');
    const first = peer.post(outcome.externalId);
    expect(first).toMatchObject({ mediaType: 'IMAGE', text: 'with a picture' });
    expect(peer.post(outcome.partIds?.[1] ?? '')?.replyToId).toBe(outcome.externalId);
  });

  it('publishes a carousel (items, then CAROUSEL with children)', async () => {
    const outcome = await connector.publish(context(), request(['two pictures'], [photo, photo]));
    if (outcome.status !== 'published') throw new Error('not published');
    expect(peer.post(outcome.externalId)).toMatchObject({ mediaType: 'CAROUSEL_ALBUM', text: 'two pictures' });
  });

  it('counts 500 characters the Threads way (emoji as UTF-8 bytes), client and peer alike', async () => {
    const errors = (req: PublishRequest) => connector.validate(req).filter((f) => f.severity === 'error');
    expect(errors(request(['😆'.repeat(125)]))).toEqual([]);
    expect(errors(request(['ok', '😆'.repeat(126)]))).toHaveLength(1);
    expect(errors(request(['x'], [{ ...photo, publicUrl: undefined } as MediaItem]))[0]?.message).toMatch(
      /public URL.*relay/,
    );
    const post = (text: string) =>
      fetch(`${peer.origin}/v1.0/me/threads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ media_type: 'TEXT', text }),
      });
    expect((await post('😆'.repeat(125))).status).toBe(200);
    expect(await (await post('😆'.repeat(126))).json()).toMatchObject({ error: { code: 100, type: 'OAuthException' } });
    const before = peer.requests.length;
    expect((await failure(connector.publish(context(), request(['😆'.repeat(126)])))).kind).toBe('invalid');
    expect(peer.requests.length).toBe(before);
  });

  it('the peer refuses publishing an unfinished container and unknown parameters', async () => {
    const form = (path: string, fields: Record<string, string>) =>
      fetch(`${peer.origin}/v1.0/${peer.user.id}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      });
    const { id } = (await (
      await form('/threads', { media_type: 'IMAGE', image_url: photo.publicUrl ?? '' })
    ).json()) as {
      id: string;
    };
    expect(await (await form('/threads_publish', { creation_id: id })).json()).toMatchObject({ error: { code: 24 } });
    expect((await form('/threads', { media_type: 'TEXT', text: 'x', status: 'nope' })).status).toBe(400);
    expect((await form('/threads', { media_type: 'STORY', text: 'x' })).status).toBe(400);
  });

  it('finds a thread whose publish answer was lost, then deletes it', async () => {
    const since = new Date().toISOString();
    const req = request(['lost root', 'lost reply']);
    expect(await connector.findExisting(context(), req, since)).toBeNull();
    peer.inject({ kind: 'drop-after', path: /\/threads_publish$/ });
    expect((await failure(connector.publish(context(), req))).kind).toBe('network');
    const found = await connector.findExisting(context(), req, since);
    const root = peer.posts().find((p) => p.text === 'lost root');
    expect(found).toMatchObject({ externalId: root?.id, partIds: [root?.id] });
    await connector.delete(context(), root?.id ?? '');
    expect(peer.post(root?.id ?? '')?.deleted).toBe(true);
    await connector.delete(context(), root?.id ?? '');
  });

  it('reads insights and followers; unknown ids left out', async () => {
    const outcome = await connector.publish(context(), request(['measured']));
    if (outcome.status !== 'published') throw new Error('not published');
    Object.assign(peer.post(outcome.externalId)?.insights ?? {}, {
      views: 300,
      likes: 9,
      replies: 4,
      reposts: 2,
      quotes: 1,
      shares: 3,
    });
    const metrics = await connector.postMetrics(context(), [outcome.externalId, '42']);
    expect(metrics.get(outcome.externalId)).toEqual({
      impressions: null,
      reach: null,
      views: 300,
      likes: 9,
      comments: 4,
      shares: 6,
      saves: null,
      clicks: null,
    });
    expect(metrics.has('42')).toBe(false);
    expect(await connector.accountMetrics(context())).toEqual({ followers: peer.user.followers });
    expect(await connector.whoAmI(context())).toMatchObject({ externalId: peer.user.id, handle: '@creator' });
  });

  it('maps code 190, missing permission, throttling, 5xx and dropped connections', async () => {
    token = peer.issueToken(undefined, 0);
    expect((await failure(connector.whoAmI(context()))).kind).toBe('auth_expired');
    token = peer.issueToken(['threads_basic']);
    expect((await failure(connector.publish(context(), request(['no publish'])))).kind).toBe('missing_scope');
    token = peer.issueToken();
    peer.inject(graphFaults.rateLimited(peer.user.id, 5, 613));
    expect(await failure(connector.whoAmI(context()))).toMatchObject({
      kind: 'rate_limited',
      details: { platformCode: '613' },
    });
    peer.inject(graphFaults.serverError(503));
    expect((await failure(connector.whoAmI(context()))).kind).toBe('server');
    peer.inject({ kind: 'drop-before' });
    expect((await failure(connector.whoAmI(context()))).kind).toBe('network');
  });
});
