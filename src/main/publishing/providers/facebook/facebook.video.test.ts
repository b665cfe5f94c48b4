import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FacebookPeer, startFacebookPeer } from '../../../../../test/peers/facebook/server';
import { type MediaItem, type PublishOutcome, type PublishRequest } from '../connector';
import { connectorTestSetup, failure } from '../connector.test-support';
import { createFacebookConnector } from './facebook.connector';
import { graphBase } from './facebook.http';

let peer: FacebookPeer;
let folder: string;
let clip: MediaItem;
let fileBytes: Buffer;
let userToken: string;

const CHUNK = 4096;
const SIZE = 10_000;
const connector = createFacebookConnector({ timeoutMs: 2_000, uploadChunkBytes: CHUNK, videoPollMs: 5 });

beforeAll(async () => {
  peer = await startFacebookPeer({ videoProcessingPolls: 2 });
  folder = await mkdtemp(join(tmpdir(), 'cadence-fb-video-'));
  const path = join(folder, 'clip.mp4');
  fileBytes = randomBytes(SIZE);
  await writeFile(path, fileBytes);
  clip = {
    path,
    mime: 'video/mp4',
    bytes: SIZE,
    kind: 'video',
    width: 1280,
    height: 720,
    durationMs: 42_000,
    altText: '',
  };
});
afterAll(async () => {
  await peer.close();
  await rm(folder, { recursive: true, force: true });
});
beforeEach(() => {
  userToken = peer.issueUserToken();
});

const { context, request } = connectorTestSetup(() => ({
  baseUrl: peer.origin,
  token: { accessToken: userToken },
  account: { id: 'acc-fb', handle: 'Peer Creator Page', externalId: peer.page.id, instanceUrl: null },
}));

const videoRequest = (text: string): PublishRequest => ({ ...request([text], [clip]), title: 'Behind the scenes' });

/** The upload requests since `from`: method and the `file_offset` each chunk claimed. */
function uploads(from: number): { method: string; offset: string | undefined }[] {
  return peer.requests
    .slice(from)
    .filter((r) => r.path.includes('/upload:'))
    .map((r) => ({ method: r.method, offset: r.headers.file_offset as string | undefined }));
}

async function settle(first: PublishOutcome, max = 5): Promise<{ outcome: PublishOutcome; checks: number }> {
  let outcome = first;
  let checks = 0;
  while (outcome.status === 'pending' && checks < max) {
    outcome = await connector.checkStatus(context(), outcome.remote);
    checks += 1;
  }
  return { outcome, checks };
}

describe('Facebook Page video through the Resumable Upload API', () => {
  it('uploads in chunks, creates the video, stays pending while encoding, then publishes with its link', async () => {
    const from = peer.requests.length;
    const first = await connector.publish(context(), videoRequest('Our new studio tour'));
    expect(first.status).toBe('pending');
    if (first.status !== 'pending') return;
    expect(first.remote).toMatchObject({ stage: 'facebook-video', page: peer.page.id, checks: 1 });
    expect(first.checkAfterMs).toBe(5);
    expect(uploads(from)).toEqual([
      { method: 'POST', offset: '0' },
      { method: 'POST', offset: '4096' },
      { method: 'POST', offset: '8192' },
    ]);
    const chunkAuth = peer.requests.slice(from).find((r) => r.path.includes('/upload:'))?.headers.authorization;
    expect(chunkAuth).toBe(`OAuth ${userToken}`);

    const { outcome, checks } = await settle(first);
    expect(checks).toBe(2);
    if (outcome.status !== 'published') throw new Error('not published');
    const video = peer.video(outcome.externalId);
    expect(video?.bytes.equals(fileBytes)).toBe(true);
    expect(video).toMatchObject({ title: 'Behind the scenes', description: 'Our new studio tour' });
    expect(outcome.url).toBe(`https://www.facebook.com/${peer.page.id}/videos/${outcome.externalId}/`);
    expect(peer.post(video?.postId ?? '')).toMatchObject({ message: 'Our new studio tour', videoId: video?.id });
    const created = peer.requests.slice(from).find((r) => r.method === 'POST' && r.path.endsWith('/videos'));
    expect(created?.body.kind).toBe('multipart');
  });

  it('after an interruption mid-chunk resumes at the offset the server reports, never resending what arrived', async () => {
    const from = peer.requests.length;
    peer.injectUpload({ kind: 'interrupt', afterBytes: 1000 });
    const first = await connector.publish(context(), videoRequest('Resumed upload'));
    expect(uploads(from)).toEqual([
      { method: 'POST', offset: '0' },
      { method: 'GET', offset: undefined },
      { method: 'POST', offset: '1000' },
      { method: 'POST', offset: '5096' },
      { method: 'POST', offset: '9192' },
    ]);
    const { outcome } = await settle(first);
    if (outcome.status !== 'published') throw new Error('not published');
    expect(peer.video(outcome.externalId)?.bytes.equals(fileBytes)).toBe(true);
  });

  it('a chunk refused with a 5xx is sent again from the offset the server still holds', async () => {
    const from = peer.requests.length;
    peer.injectUpload({
      kind: 'error',
      status: 500,
      body: {
        error: { message: 'An unexpected error has occurred.', type: 'OAuthException', code: 2, is_transient: true },
      },
    });
    const first = await connector.publish(context(), videoRequest('Retried chunk'));
    expect(uploads(from).map((u) => u.offset)).toEqual(['0', undefined, '0', '4096', '8192']);
    const { outcome } = await settle(first);
    if (outcome.status !== 'published') throw new Error('not published');
    expect(peer.video(outcome.externalId)?.bytes.equals(fileBytes)).toBe(true);
  });

  it('the peer refuses a wrong file_offset, a Bearer upload and an unknown handle the way Graph does', async () => {
    const start = await fetch(
      `${peer.origin}/v21.0/${peer.appId}/uploads?file_name=a.mp4&file_length=10&file_type=video/mp4`,
      { method: 'POST', headers: { authorization: `Bearer ${userToken}` } },
    );
    const { id } = (await start.json()) as { id: string };
    const chunk = (offset: number, scheme = 'OAuth') =>
      fetch(`${peer.origin}/v21.0/${id}`, {
        method: 'POST',
        headers: { authorization: `${scheme} ${userToken}`, file_offset: String(offset) },
        body: new Uint8Array(4),
      });
    const wrong = await chunk(3);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { code: 100, type: 'OAuthException' } });
    expect((await chunk(0, 'Bearer')).status).toBe(400);
    expect(await (await chunk(0)).json()).toEqual({ id: id.replace(/\?sig=.*$/, ''), file_offset: 4 });
    const bad = await fetch(`${peer.origin}/v21.0/${peer.page.id}/videos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${peer.issuePageToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fbuploader_video_file_chunk: '2:not-a-handle' }),
    });
    expect(await bad.json()).toMatchObject({ error: { code: 100 } });
  });

  it('a video Facebook cannot encode fails as invalid with Meta’s reason', async () => {
    peer.failNextVideo('The video file you selected is in a format that we do not support.');
    const first = await connector.publish(context(), videoRequest('Broken encode'));
    expect(first.status).toBe('pending');
    if (first.status !== 'pending') return;
    const pending = await connector.checkStatus(context(), first.remote);
    if (pending.status !== 'pending') throw new Error('expected still pending');
    const error = await failure(connector.checkStatus(context(), pending.remote));
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('in a format that we do not support');
  });

  it('finds the video after the answer to POST /videos was lost, and measures and deletes it', async () => {
    const since = new Date().toISOString();
    const req = videoRequest('Lost answer video');
    expect(await connector.findExisting(context(), req, since)).toBeNull();
    peer.inject({ kind: 'drop-after', path: /\/videos$/ });
    expect((await failure(connector.publish(context(), req))).kind).toBe('network');
    const found = await connector.findExisting(context(), req, since);
    const video = peer.video(found?.externalId ?? '');
    expect(video?.description).toBe('Lost answer video');
    expect(found?.url).toBe(`https://www.facebook.com/${peer.page.id}/videos/${video?.id}/`);

    Object.assign(video ?? {}, {
      reactions: 9,
      comments: 4,
      insights: { total_video_views: 1200, total_video_impressions: 3000, total_video_impressions_unique: 2100 },
    });
    const metrics = await connector.postMetrics(context(), [found?.externalId ?? '']);
    expect(metrics.get(found?.externalId ?? '')).toEqual({
      impressions: 3000,
      reach: 2100,
      views: 1200,
      likes: 9,
      comments: 4,
      shares: null,
      saves: null,
      clicks: null,
    });
    await connector.delete(context(), found?.externalId ?? '');
    expect(peer.video(found?.externalId ?? '')?.deleted).toBe(true);
    expect((await connector.postMetrics(context(), [found?.externalId ?? ''])).size).toBe(0);
  });

  it('validates: one MP4 video, not mixed with photos, within 240 minutes', () => {
    const errors = (media: MediaItem[]) =>
      connector.validate(request(['x'], media)).filter((f) => f.severity === 'error').length;
    const photo: MediaItem = { ...clip, kind: 'image', mime: 'image/png' };
    expect(errors([clip])).toBe(0);
    expect(errors([clip, clip])).toBe(1);
    expect(errors([clip, photo])).toBe(1);
    expect(errors([{ ...clip, mime: 'video/quicktime' }])).toBe(1);
    expect(errors([{ ...clip, durationMs: 241 * 60_000 }])).toBe(1);
    expect(errors([{ ...clip, bytes: 11 * 1024 ** 3 }])).toBe(1);
  });

  it('sends video publishing to graph-video.facebook.com, and everything to a peer unchanged', () => {
    expect(graphBase('https://graph.facebook.com/', 'video')).toBe('https://graph-video.facebook.com');
    expect(graphBase('https://graph.facebook.com', 'graph')).toBe('https://graph.facebook.com');
    expect(graphBase(peer.origin, 'video')).toBe(peer.origin);
  });

  it('maps an expired user token on the upload to auth_expired before any byte is sent', async () => {
    userToken = peer.issueUserToken(undefined, 0);
    const from = peer.requests.length;
    expect((await failure(connector.publish(context(), videoRequest('Expired')))).kind).toBe('auth_expired');
    expect(uploads(from)).toEqual([]);
  });
});
