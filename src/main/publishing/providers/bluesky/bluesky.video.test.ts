import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BlueskyVideoPeer, startBlueskyVideoPeer } from '../../../../../test/peers/bluesky-video/server';
import { invokeOk } from '../../../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../../../test/support/test-core';
import { failure } from '../connector.test-support';
import type { ConnectorContext, MediaItem, PublishOutcome, PublishRequest } from '../connector';
import { type BlueskyConnectorOptions, createBlueskyConnector, parseAtUri, validateBluesky } from './bluesky.connector';

/**
 * Video through a protocol peer of Bluesky's video service, against a REAL PDS from
 * @atproto/dev-env (PLC + PDS, no AppView): the peer verifies the service-auth tokens against the
 * account's DID document and stores the processed video on that PDS with the app's uploadBlob token.
 */
let network: TestNetworkNoAppView;
let peer: BlueskyVideoPeer;
let t: TestCore;
let folder: string;
let context: ConnectorContext;
let did: string;
let reader: AtpAgent;
let files = 0;

beforeAll(async () => {
  network = await TestNetworkNoAppView.create({});
  peer = await startBlueskyVideoPeer({ plcUrl: network.plc.url });
  const admin = new AtpAgent({ service: network.pds.url });
  const created = await admin.com.atproto.server.createAccount({
    email: 'vid@cadence.test',
    handle: 'vid.test',
    password: 'main-password-not-for-cadence',
  });
  did = created.data.did;
  await admin.login({ identifier: 'vid.test', password: 'main-password-not-for-cadence' });
  const appPassword = (await admin.com.atproto.server.createAppPassword({ name: 'cadence' })).data.password;
  reader = admin;
  t = await createTestCore();
  const account = await invokeOk(t.core, 'accounts:connect-app-password', {
    handle: '@vid.test',
    appPassword,
    service: network.pds.url,
  });
  context = await t.core.domains.accounts.tokens.context(account.id);
  folder = await mkdtemp(join(tmpdir(), 'cadence-bluesky-video-'));
}, 60_000);

afterAll(async () => {
  await t?.dispose();
  await peer?.close();
  await network?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

beforeEach(() => {
  peer.requests.length = 0;
  peer.setPollsToComplete(2);
  peer.setDailyAllowance(25, 10_000_000_000);
});

const connectorWith = (options: BlueskyConnectorOptions = {}) =>
  createBlueskyConnector({
    timeoutMs: 10_000,
    videoService: { url: peer.origin, did: peer.did },
    videoPolls: 3,
    videoPollIntervalMs: 5,
    videoCheckAfterMs: 1_000,
    ...options,
  });

/** A small file that reads as MP4 (an `ftyp` box, brand isom), unique each time. */
async function mp4(width = 1080, height = 1920): Promise<MediaItem> {
  const ftyp = Buffer.from('0000001c667479706973366d0000020069736f6d6d703431', 'hex');
  ftyp.write('isom', 8, 'latin1');
  const free = Buffer.concat([Buffer.from([0, 0, 0x10, 8]), Buffer.from('free', 'latin1'), randomBytes(4096 - 8)]);
  const bytes = Buffer.concat([ftyp, free]);
  const path = join(folder, `clip-${(files += 1)}.mp4`);
  await writeFile(path, bytes);
  return {
    path,
    mime: 'video/mp4',
    bytes: bytes.length,
    kind: 'video',
    width,
    height,
    durationMs: 12_000,
    altText: 'A short clip',
  };
}

const request = (text: string, video: MediaItem): PublishRequest => ({
  parts: [text],
  media: [video],
  idempotencyKey: `video-${text}`,
});

async function record(uri: string) {
  const { repo, collection, rkey } = parseAtUri(uri);
  return (await reader.com.atproto.repo.getRecord({ repo, collection, rkey })).data;
}

interface VideoEmbed {
  $type: string;
  alt?: string;
  aspectRatio?: { width: number; height: number };
  video: { ref: { toString(): string }; mimeType: string; size: number };
}

function published(outcome: PublishOutcome) {
  if (outcome.status !== 'published') throw new Error(`expected published, got ${JSON.stringify(outcome)}`);
  return outcome;
}

const calls = (method: string) => peer.requests.filter((r) => r.path === `/xrpc/${method}`);

describe('Bluesky video through the video service, onto a real PDS', () => {
  it('checks the limits, uploads with service auth, polls the job and posts app.bsky.embed.video with the blob', async () => {
    const video = await mp4();
    const connector = connectorWith();
    expect(connector.validate(request('My first clip 🎬', video))).toEqual([]);
    const before = Math.floor(Date.now() / 1000);
    const outcome = published(await connector.publish(context, request('My first clip 🎬', video)));

    const [limits] = calls('app.bsky.video.getUploadLimits');
    expect(limits?.claims).toMatchObject({ iss: did, aud: peer.did, lxm: 'app.bsky.video.getUploadLimits' });
    const [upload] = calls('app.bsky.video.uploadVideo');
    // The uploadBlob token is for the user's PDS (did:web of its host), good for about 30 minutes.
    expect(upload?.claims).toMatchObject({ iss: did, aud: 'did:web:localhost', lxm: 'com.atproto.repo.uploadBlob' });
    expect(upload!.claims!.exp - before).toBeGreaterThan(29 * 60);
    expect(upload!.claims!.exp - before).toBeLessThanOrEqual(31 * 60);
    expect(upload?.query.get('did')).toBe(did);
    expect(upload?.query.get('name')).toBe('clip-1.mp4');
    expect(upload?.bytes).toBe(video.bytes);
    expect(calls('app.bsky.video.getJobStatus')).toHaveLength(2);

    const stored = await record(outcome.externalId);
    const value = stored.value as { text: string; embed: VideoEmbed };
    expect(value.text).toBe('My first clip 🎬');
    expect(value.embed).toMatchObject({
      $type: 'app.bsky.embed.video',
      alt: 'A short clip',
      aspectRatio: { width: 1080, height: 1920 },
      video: { mimeType: 'video/mp4', size: video.bytes },
    });
    // The video service put the blob in the user's repo; the record references it by CID.
    const blob = await reader.com.atproto.sync.getBlob({ did, cid: value.embed.video.ref.toString() });
    expect(blob.data.length).toBe(video.bytes);
    expect(outcome.url).toBe(`https://bsky.app/profile/${did}/post/${parseAtUri(outcome.externalId).rkey}`);
  });

  it('leaves the post pending while the job processes, and checkStatus posts it once (a repeat finds the same post)', async () => {
    peer.setPollsToComplete(5);
    const connector = connectorWith({ videoPolls: 1 });
    const video = await mp4(1920, 1080);
    const first = await connector.publish(context, request('Still processing', video));
    if (first.status !== 'pending') throw new Error('expected pending');
    expect(first.checkAfterMs).toBe(1_000);
    expect(first.remote).toMatchObject({ parts: ['Still processing'], alt: 'A short clip', width: 1920, height: 1080 });
    expect(typeof first.remote.jobId).toBe('string');
    const listed = await reader.com.atproto.repo.listRecords({ repo: did, collection: 'app.bsky.feed.post' });
    const postsBefore = listed.data.records.length;

    const polls: PublishOutcome[] = [];
    let outcome: PublishOutcome = first;
    while (outcome.status === 'pending') {
      outcome = await connector.checkStatus(context, outcome.remote);
      polls.push(outcome);
    }
    expect(polls.map((p) => p.status)).toEqual(['pending', 'pending', 'pending', 'published']);
    const done = published(outcome);
    const value = (await record(done.externalId)).value as { embed: VideoEmbed };
    expect(value.embed.aspectRatio).toEqual({ width: 1920, height: 1080 });

    // The answer to that checkStatus was lost: asking again finds the post by its video, no second post.
    expect(published(await connector.checkStatus(context, first.remote)).externalId).toBe(done.externalId);
    const after = await reader.com.atproto.repo.listRecords({ repo: did, collection: 'app.bsky.feed.post' });
    expect(after.data.records.length).toBe(postsBefore + 1);
  });

  it('reports a failed job as invalid with the service’s message, and posts nothing', async () => {
    peer.failNextJob('encoding_failure', 'The video could not be decoded');
    const listed = await reader.com.atproto.repo.listRecords({ repo: did, collection: 'app.bsky.feed.post' });
    const error = await failure(connectorWith().publish(context, request('Broken clip', await mp4())));
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('The video could not be decoded');
    expect(error.details.platformCode).toBe('encoding_failure');
    const after = await reader.com.atproto.repo.listRecords({ repo: did, collection: 'app.bsky.feed.post' });
    expect(after.data.records.length).toBe(listed.data.records.length);
  });

  it('refuses an oversized or non-MP4 video before anything is sent', async () => {
    const video = await mp4();
    const big = { ...video, bytes: 100_000_001 };
    const connector = connectorWith();
    const error = await failure(connector.publish(context, request('Too big', big)));
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('100000000 bytes');
    const mov = await failure(connector.publish(context, request('A mov', { ...video, mime: 'video/quicktime' })));
    expect(mov.message).toContain('MP4');
    expect(peer.requests).toHaveLength(0);
  });

  it('waits (rate_limited) when the daily allowance is used up, without uploading', async () => {
    const connector = connectorWith();
    peer.setDailyAllowance(0, 10_000_000_000);
    const none = await failure(connector.publish(context, request('Over the limit', await mp4())));
    expect(none.kind).toBe('rate_limited');
    expect(none.message).toContain('daily limit');
    // Videos left, but fewer bytes left than this file.
    peer.setDailyAllowance(5, 100);
    const bytes = await failure(connector.publish(context, request('Too many bytes', await mp4())));
    expect(bytes.kind).toBe('rate_limited');
    expect(calls('app.bsky.video.getUploadLimits')).toHaveLength(2);
    expect(calls('app.bsky.video.uploadVideo')).toHaveLength(0);
  });

  it('posts a video uploaded again (already_exists carries the earlier blob)', async () => {
    const video = await mp4();
    const connector = connectorWith();
    const first = published(await connector.publish(context, request('Once', video)));
    const again = published(await connector.publish(context, request('Twice', video)));
    const cid = (uri: string) => record(uri).then((r) => (r.value as { embed: VideoEmbed }).embed.video.ref.toString());
    expect(await cid(again.externalId)).toBe(await cid(first.externalId));
  });
  it('reads the lexicon’s `{ jobStatus }` upload answer as well as the bare job status', async () => {
    const lexiconPeer = await startBlueskyVideoPeer({ plcUrl: network.plc.url, uploadAnswer: 'lexicon' });
    try {
      const connector = connectorWith({ videoService: { url: lexiconPeer.origin, did: lexiconPeer.did } });
      const outcome = published(await connector.publish(context, request('Lexicon answer', await mp4())));
      expect(((await record(outcome.externalId)).value as { embed: VideoEmbed }).embed.$type).toBe(
        'app.bsky.embed.video',
      );
    } finally {
      await lexiconPeer.close();
    }
  });
});

describe('video service errors', () => {
  /** A PDS and video service on one fake fetch: the upload answers `status` with `headers`. */
  const fakeService = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    createBlueskyConnector({
      videoService: { url: 'http://video.invalid', did: 'did:web:video.invalid' },
      fetch: (url) => {
        const method = new URL(url).pathname.replace('/xrpc/', '');
        const json = (value: unknown, code = 200, extra: Record<string, string> = {}) =>
          Promise.resolve(
            new Response(JSON.stringify(value), {
              status: code,
              headers: { 'content-type': 'application/json', ...extra },
            }),
          );
        if (method === 'com.atproto.server.getServiceAuth') return json({ token: 'service-jwt' });
        if (method === 'com.atproto.server.getSession') return json({ did: 'did:plc:x', handle: 'x.test' });
        if (method === 'app.bsky.video.getUploadLimits') return json({ canUpload: true, remainingDailyVideos: 3 });
        return json(body, status, headers);
      },
    });
  const ctx = (): ConnectorContext => ({
    baseUrl: 'http://pds.invalid',
    token: { accessToken: 'a', refreshToken: 'r', extra: { did: 'did:plc:x', pds: 'http://pds.invalid' } },
    account: { id: 'a1', handle: 'x.test', externalId: 'did:plc:x', instanceUrl: null },
  });

  it('maps 429 with ratelimit-reset to rate_limited, 5xx to server, 401 to auth_expired', async () => {
    const video = await mp4();
    const limited = await failure(
      fakeService(
        429,
        { error: 'RateLimitExceeded', message: 'Slow down' },
        { 'ratelimit-reset': '1800000000' },
      ).publish(ctx(), request('x', video)),
    );
    expect(limited).toMatchObject({
      kind: 'rate_limited',
      details: { resetAt: new Date(1_800_000_000_000).toISOString() },
    });
    const down = await failure(fakeService(503, { error: 'ServiceUnavailable' }).publish(ctx(), request('x', video)));
    expect(down.kind).toBe('server');
    const auth = await failure(
      fakeService(401, { error: 'BadJwtSignature', message: 'bad sig' }).publish(ctx(), request('x', video)),
    );
    expect(auth).toMatchObject({ kind: 'auth_expired', details: { platformCode: 'BadJwtSignature' } });
  });
});

describe('the video service peer refuses what the service refuses', () => {
  const upload = (token: string, query: string, type = 'video/mp4') =>
    fetch(`${peer.origin}/xrpc/app.bsky.video.uploadVideo?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: new Uint8Array([0, 0, 0, 8]),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error: string; message: string } }));
  const token = async (aud: string, lxm: string) =>
    (await reader.com.atproto.server.getServiceAuth({ aud, lxm, exp: Math.floor(Date.now() / 1000) + 60 })).data.token;

  it('401 for a wrong audience, a wrong method, no token; 400 for a missing did or a non-MP4 body', async () => {
    const good = await token('did:web:localhost', 'com.atproto.repo.uploadBlob');
    expect(
      await upload(await token('did:web:elsewhere.example', 'com.atproto.repo.uploadBlob'), `did=${did}&name=a.mp4`),
    ).toMatchObject({
      status: 401,
      body: { error: 'BadJwtAudience' },
    });
    expect(
      await upload(await token('did:web:localhost', 'com.atproto.repo.createRecord'), `did=${did}&name=a.mp4`),
    ).toMatchObject({
      status: 401,
      body: { error: 'BadJwtLexiconMethod' },
    });
    expect(await upload('not-a-jwt', `did=${did}&name=a.mp4`)).toMatchObject({ status: 401 });
    expect(await upload(good, 'name=a.mp4')).toMatchObject({ status: 400, body: { error: 'InvalidRequest' } });
    expect(await upload(good, `did=${did}&name=a.mp4`, 'video/quicktime')).toMatchObject({ status: 400 });
    const missing = await fetch(`${peer.origin}/xrpc/app.bsky.video.getJobStatus?jobId=nope`);
    expect(missing.status).toBe(404);
  });
});

describe('Bluesky video validation', () => {
  const base = { parts: ['clip'], idempotencyKey: 'k' };
  const video: MediaItem = {
    path: '/x/clip.mp4',
    mime: 'video/mp4',
    bytes: 5_000_000,
    kind: 'video',
    width: 720,
    height: 1280,
    durationMs: 60_000,
    altText: 'alt',
  };
  const image: MediaItem = { ...video, path: '/x/a.png', mime: 'image/png', kind: 'image', durationMs: null };
  const errors = (media: MediaItem[]) =>
    validateBluesky({ ...base, media })
      .filter((f) => f.severity === 'error')
      .map((f) => f.message);

  it('takes one MP4 of up to 100 MB and 3 minutes, on its own', () => {
    expect(errors([video])).toEqual([]);
    expect(errors([{ ...video, bytes: 100_000_000, durationMs: 180_000 }])).toEqual([]);
    expect(errors([{ ...video, durationMs: 180_001 }])[0]).toContain('3 minutes');
    expect(errors([video, { ...video, path: '/x/b.mp4' }])).toEqual(['Bluesky takes one video per post.']);
    expect(errors([video, image])[0]).toContain('on its own');
    expect(validateBluesky({ ...base, media: [{ ...video, altText: '' }] })).toEqual([
      { severity: 'warning', message: 'clip.mp4 has no alt text.' },
    ]);
  });
});
