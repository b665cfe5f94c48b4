import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { linkedInFaults, startLinkedInPeer, type LinkedInPeer } from '../../../../../test/peers/linkedin/server';
import { LINKEDIN_VIDEO_PART_BYTES } from '../../../../../test/peers/linkedin/videos';
import type { MediaItem, PublishOutcome, RemoteState } from '../connector';
import { connectorTestSetup, failure } from '../connector.test-support';
import { createLinkedInConnector } from './linkedin.connector';

let peer: LinkedInPeer;
let folder: string;
let big: Buffer;
let bigVideo: MediaItem;
let smallVideo: MediaItem;
let token: string;
const connector = createLinkedInConnector({ timeoutMs: 5_000 });

beforeAll(async () => {
  peer = await startLinkedInPeer({ processingPolls: 2 });
  folder = await mkdtemp(join(tmpdir(), 'cadence-linkedin-video-'));
  // Two full 4 MB parts and a short third one.
  big = randomBytes(2 * LINKEDIN_VIDEO_PART_BYTES + 123_457);
  const bigPath = join(folder, 'talk.mp4');
  await writeFile(bigPath, big);
  const base = {
    mime: 'video/mp4',
    kind: 'video' as const,
    width: 1920,
    height: 1080,
    durationMs: 42_000,
    altText: '',
  };
  bigVideo = { ...base, path: bigPath, bytes: big.length };
  const smallPath = join(folder, 'clip.mp4');
  await writeFile(smallPath, randomBytes(80 * 1024));
  smallVideo = { ...base, path: smallPath, bytes: 80 * 1024, durationMs: 4_000 };
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
  account: { id: 'acc-li', handle: 'Peer Creator', externalId: peer.member.sub, instanceUrl: null },
}));
const { context, request, rateLimits } = setup;

/** The file as the peer received it, parts joined in order (compared with Buffer.equals: fast on megabytes). */
const reassembled = (urn: string): Buffer =>
  Buffer.concat(peer.video(urn)?.parts.map((p) => p.bytes ?? Buffer.alloc(0)) ?? []);

/** Calls checkStatus the way the queue does until the publish is no longer pending; counts the calls. */
async function settle(outcome: PublishOutcome): Promise<{ final: PublishOutcome; checks: number }> {
  let current = outcome;
  let checks = 0;
  while (current.status === 'pending' && checks < 10) {
    checks += 1;
    current = await connector.checkStatus(context(), current.remote);
  }
  return { final: current, checks };
}

describe('LinkedIn video through the Videos API', () => {
  it('uploads in the 4 MB parts LinkedIn hands out, finalizes with the ETags in order, waits for processing, then posts', async () => {
    // REST calls only: the parts go to the separate upload host.
    const before = peer.requests.length;
    const text = `Our talk, in full ${setup.count}`;
    const first = await connector.publish(context(), { ...request([text], [bigVideo]), title: 'Conference talk' });
    if (first.status !== 'pending') throw new Error('expected pending while LinkedIn processes');
    const urn = String(first.remote.video);
    const video = peer.video(urn);
    expect(video?.parts.map((p) => [p.firstByte, p.lastByte])).toEqual([
      [0, LINKEDIN_VIDEO_PART_BYTES - 1],
      [LINKEDIN_VIDEO_PART_BYTES, 2 * LINKEDIN_VIDEO_PART_BYTES - 1],
      [2 * LINKEDIN_VIDEO_PART_BYTES, big.length - 1],
    ]);
    expect(video?.parts.map((p) => p.puts)).toEqual([1, 1, 1]);
    expect(reassembled(urn).equals(big)).toBe(true);
    const rest = peer.requests.slice(before);
    const init = rest.find((r) => r.query.get('action') === 'initializeUpload');
    expect(init?.body).toEqual({
      kind: 'json',
      value: {
        initializeUploadRequest: {
          owner: `urn:li:person:${peer.member.sub}`,
          fileSizeBytes: big.length,
          uploadCaptions: false,
          uploadThumbnail: false,
        },
      },
    });
    const finalize = rest.find((r) => r.query.get('action') === 'finalizeUpload');
    expect(finalize?.body).toEqual({
      kind: 'json',
      value: {
        finalizeUploadRequest: {
          video: urn,
          uploadToken: video?.uploadToken,
          uploadedPartIds: video?.parts.map((p) => p.etag),
        },
      },
    });
    for (const r of rest.filter((r) => r.path.startsWith('/rest/'))) {
      expect(r.headers['linkedin-version']).toMatch(/^\d{6}$/);
      expect(r.headers['x-restli-protocol-version']).toBe('2.0.0');
    }

    // The peer answers PROCESSING to two GETs (one in publish, one in the first check).
    const { final, checks } = await settle(first);
    expect(checks).toBe(2);
    if (final.status !== 'published') throw new Error('not published');
    expect(final.url).toBe(`https://www.linkedin.com/feed/update/${final.externalId}/`);
    expect(peer.post(final.externalId)).toMatchObject({ video: urn, title: 'Conference talk', shown: text });
  });

  it('a video LinkedIn has already processed is posted at once (single part, empty upload token)', async () => {
    const quick = await startLinkedInPeer({ processingPolls: 0 });
    try {
      const ctx = context({ baseUrl: quick.origin, token: { accessToken: quick.issueToken() } });
      const outcome = await connector.publish(ctx, request(['quick clip'], [smallVideo]));
      if (outcome.status !== 'published') throw new Error('not published');
      const post = quick.post(outcome.externalId);
      expect(quick.video(post?.video ?? '')).toMatchObject({ uploadToken: '', status: 'AVAILABLE' });
      expect(quick.video(post?.video ?? '')?.parts).toHaveLength(1);
    } finally {
      await quick.close();
    }
  });

  it('a part that fails once (503, then a dropped connection) is sent again, and only that part', async () => {
    peer.failPart({ part: 1, kind: 'status', status: 503 });
    peer.failPart({ part: 2, kind: 'drop' });
    const outcome = await connector.publish(context(), request([`flaky network ${setup.count}`], [bigVideo]));
    if (outcome.status !== 'pending') throw new Error('expected pending');
    const video = peer.video(String(outcome.remote.video));
    expect(video?.parts.map((p) => p.attempts)).toEqual([1, 2, 2]);
    expect(video?.parts.map((p) => p.puts)).toEqual([1, 1, 1]);
    expect(reassembled(String(outcome.remote.video)).equals(big)).toBe(true);
    const { final } = await settle(outcome);
    expect(final.status).toBe('published');
  });

  it('a post whose answer was lost while checking is settled by the next check, not posted twice', async () => {
    const text = `lost video answer ${setup.count}`;
    const outcome = await connector.publish(context(), request([text], [smallVideo]));
    if (outcome.status !== 'pending') throw new Error('expected pending');
    expect((await connector.checkStatus(context(), outcome.remote)).status).toBe('pending');
    peer.inject({ kind: 'drop-after', path: /^\/rest\/posts$/ });
    expect(await failure(connector.checkStatus(context(), outcome.remote))).toMatchObject({ kind: 'network' });
    const again = await connector.checkStatus(context(), outcome.remote);
    if (again.status !== 'published') throw new Error('not published');
    expect(peer.posts().filter((p) => p.shown === text)).toEqual([expect.objectContaining({ urn: again.externalId })]);
  });

  it('a part that keeps failing stops the upload without finalizing', async () => {
    for (let i = 0; i < 3; i += 1) peer.failPart({ part: 0, kind: 'status', status: 500 });
    const error = await failure(connector.publish(context(), request([`broken ${setup.count}`], [smallVideo])));
    expect(error).toMatchObject({ kind: 'server', details: { status: 500 } });
    const stuck = peer.videos().at(-1);
    expect(stuck).toMatchObject({ status: 'WAITING_UPLOAD', finalizeCalls: 0 });
    expect(stuck?.parts[0]?.attempts).toBe(3);
  });

  it('processing failure: checkStatus refuses the post with what to do, and nothing is posted', async () => {
    peer.failNextProcessing();
    const before = peer.posts().length;
    const outcome = await connector.publish(context(), request([`will fail ${setup.count}`], [smallVideo]));
    if (outcome.status !== 'pending') throw new Error('expected pending');
    expect((await connector.checkStatus(context(), outcome.remote)).status).toBe('pending');
    const error = await failure(connector.checkStatus(context(), outcome.remote));
    expect(error).toMatchObject({ kind: 'invalid', details: { platformCode: 'PROCESSING_FAILED' } });
    expect(error.message).toMatch(/MP4 of 3 seconds to 30 minutes/);
    expect(peer.posts()).toHaveLength(before);
  });

  it('the peer refuses a finalize with a missing or out-of-order ETag, and a post of an unprocessed video', async () => {
    const headers = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'linkedin-version': '202605',
      'x-restli-protocol-version': '2.0.0',
    };
    const rest = (path: string, body: unknown) =>
      fetch(`${peer.origin}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const owner = `urn:li:person:${peer.member.sub}`;
    const init = await rest('/rest/videos?action=initializeUpload', {
      initializeUploadRequest: { owner, fileSizeBytes: big.length, uploadCaptions: false, uploadThumbnail: false },
    });
    const { value } = (await init.json()) as {
      value: {
        video: string;
        uploadToken: string;
        uploadInstructions: { uploadUrl: string; firstByte: number; lastByte: number }[];
      };
    };
    const etags: string[] = [];
    for (const part of value.uploadInstructions) {
      const put = await fetch(part.uploadUrl, { method: 'PUT', body: big.subarray(part.firstByte, part.lastByte + 1) });
      etags.push(put.headers.get('etag') ?? '');
    }
    const finalize = (uploadedPartIds: string[]) =>
      rest('/rest/videos?action=finalizeUpload', {
        finalizeUploadRequest: { video: value.video, uploadToken: value.uploadToken, uploadedPartIds },
      });
    const missing = await finalize(etags.slice(0, 2));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ status: 400, code: 'ILLEGAL_ARGUMENT' });
    expect((await finalize([etags[1] ?? '', etags[0] ?? '', etags[2] ?? ''])).status).toBe(400);
    const early = await rest('/rest/posts', {
      author: owner,
      commentary: 'too early',
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED' },
      lifecycleState: 'PUBLISHED',
      content: { media: { id: value.video } },
    });
    expect(early.status).toBe(400);
    expect((await finalize(etags)).status).toBe(200);
    const wrongSize = await fetch(value.uploadInstructions[0]?.uploadUrl ?? '', {
      method: 'PUT',
      body: big.subarray(0, 10),
    });
    expect(wrongSize.status).toBe(400);
  });

  it('refuses before sending: not MP4, too small or large, too short or long, two videos, a video with images', () => {
    const errors = (media: MediaItem[]) =>
      connector
        .validate(request(['text'], media))
        .filter((f) => f.severity === 'error')
        .map((f) => f.message);
    expect(errors([smallVideo])).toEqual([]);
    expect(errors([{ ...smallVideo, mime: 'video/quicktime' }])[0]).toMatch(/MP4/);
    expect(errors([{ ...smallVideo, bytes: 1_000 }])[0]).toMatch(/at least 75 KB/);
    expect(errors([{ ...smallVideo, bytes: 600 * 1024 * 1024 }])[0]).toMatch(/up to 500 MB/);
    expect(errors([{ ...smallVideo, durationMs: 2_000 }])[0]).toMatch(/at least 3 seconds/);
    expect(errors([{ ...smallVideo, durationMs: 31 * 60_000 }])[0]).toMatch(/up to 30 minutes/);
    expect(errors([smallVideo, bigVideo])[0]).toMatch(/one video per post/);
    const image: MediaItem = { ...smallVideo, kind: 'image', mime: 'image/png', altText: 'x' };
    expect(errors([smallVideo, image])[0]).toMatch(/images or one video, not both/);
    const unknownLength = connector.validate(request(['text'], [{ ...smallVideo, durationMs: null }]));
    expect(unknownLength.map((f) => f.severity)).toEqual(['warning']);
  });

  it('maps failures on the video calls: expired token, 429, 5xx while polling, and a foreign saved state', async () => {
    const expired = peer.issueToken(undefined, 0);
    const auth = await failure(
      connector.publish(context({ token: { accessToken: expired } }), request(['expired'], [smallVideo])),
    );
    expect(auth).toMatchObject({ kind: 'auth_expired', details: { status: 401 } });
    peer.inject(linkedInFaults.rateLimited(/^\/rest\/videos$/));
    const limited = await failure(connector.publish(context(), request([`limited ${setup.count}`], [smallVideo])));
    expect(limited.kind).toBe('rate_limited');
    expect(rateLimits.map((r) => r.bucket)).toEqual(['POST /rest/videos']);
    const outcome = await connector.publish(context(), request([`busy poll ${setup.count}`], [smallVideo]));
    if (outcome.status !== 'pending') throw new Error('expected pending');
    peer.inject(linkedInFaults.serverError(503, /^\/rest\/videos\/.+$/));
    expect(await failure(connector.checkStatus(context(), outcome.remote))).toMatchObject({ kind: 'server' });
    const { final } = await settle(outcome);
    expect(final.status).toBe('published');
    // A passing failure after finalize leaves the publish pending instead of uploading again.
    peer.inject(linkedInFaults.serverError(502, /^\/rest\/videos\/.+$/));
    const uploads = peer.videos().length;
    const waiting = await connector.publish(context(), request([`busy after finalize ${setup.count}`], [smallVideo]));
    expect(waiting.status).toBe('pending');
    expect(peer.videos()).toHaveLength(uploads + 1);
    expect((await settle(waiting)).final.status).toBe('published');
    const foreign: RemoteState = { container: '123' };
    expect(await failure(connector.checkStatus(context(), foreign))).toMatchObject({ kind: 'invalid' });
  });
});
