import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startYouTubePeer,
  YT_FORCE_SSL,
  YT_FULL,
  YT_READONLY,
  YT_UPLOAD,
  type YouTubePeer,
  youtubeFaults,
} from '../../../../../test/peers/youtube/server';
import { type MediaItem, type PublishRequest } from '../connector';
import { connectorTestSetup, failure } from '../connector.test-support';
import { createYouTubeConnector, YOUTUBE_DELETE_SCOPE_MESSAGE } from './youtube.connector';

const KIB256 = 256 * 1024;
let peer: YouTubePeer;
let folder: string;
let clip: MediaItem;
let token: string;

const connector = createYouTubeConnector({ timeoutMs: 5_000 });
const chunked = createYouTubeConnector({ timeoutMs: 5_000, chunkBytes: KIB256 });

beforeAll(async () => {
  peer = await startYouTubePeer();
  folder = await mkdtemp(join(tmpdir(), 'cadence-yt-'));
  const path = join(folder, 'clip.mp4');
  const bytes = Buffer.alloc(KIB256 * 2 + 1000);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = i % 251;
  await writeFile(path, bytes);
  clip = {
    path,
    mime: 'video/mp4',
    bytes: bytes.length,
    kind: 'video',
    width: 1080,
    height: 1920,
    durationMs: 30_000,
    altText: '',
  };
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
  account: { id: 'acc-yt', handle: '@peercreator', externalId: peer.channel.id, instanceUrl: null },
}));
const { context, rateLimits } = setup;

let n = 0;
// A video upload: title, tags and the clip on top of the shared request.
const request = (overrides: Partial<PublishRequest> = {}): PublishRequest => ({
  ...setup.request(['A description with #shorts'], [clip]),
  title: `Clip ${(n += 1)}`,
  tags: ['cadence', 'peer test'],
  ...overrides,
});

describe('YouTube connector against the peer', () => {
  it('uploads through a resumable session in 256 KiB chunks (308 with Range between them)', async () => {
    const before = peer.puts.length;
    const outcome = await chunked.publish(context(), request());
    if (outcome.status !== 'published') throw new Error('not published');
    expect(outcome.url).toBe(`https://www.youtube.com/shorts/${outcome.externalId}`);
    expect(peer.video(outcome.externalId)).toMatchObject({ bytes: clip.bytes, tags: ['cadence', 'peer test'] });
    expect(peer.puts.slice(before).map((p) => p.contentRange)).toEqual([
      `bytes 0-${KIB256 - 1}/${clip.bytes}`,
      `bytes ${KIB256}-${2 * KIB256 - 1}/${clip.bytes}`,
      `bytes ${2 * KIB256}-${clip.bytes - 1}/${clip.bytes}`,
    ]);
  });

  it('resumes an interrupted upload from the received range without resending those bytes', async () => {
    const before = peer.puts.length;
    peer.inject({ kind: 'drop-upload', afterBytes: 300_000 });
    const outcome = await connector.publish(context(), request());
    if (outcome.status !== 'published') throw new Error('not published');
    const puts = peer.puts.slice(before);
    expect(puts.map((p) => p.contentRange)).toEqual([
      `bytes 0-${clip.bytes - 1}/${clip.bytes}`,
      `bytes */${clip.bytes}`,
      `bytes 300000-${clip.bytes - 1}/${clip.bytes}`,
    ]);
    expect(puts.reduce((sum, p) => sum + p.bytes, 0)).toBe(clip.bytes);
    expect(peer.video(outcome.externalId)?.bytes).toBe(clip.bytes);
  });

  it('hands back pending when the upload keeps failing; checkStatus resumes it', async () => {
    const flaky = createYouTubeConnector({ timeoutMs: 5_000, resumeAttempts: 0 });
    peer.inject({ kind: 'drop-upload', afterBytes: KIB256 });
    const outcome = await flaky.publish(context(), request());
    if (outcome.status !== 'pending') throw new Error('expected pending');
    const before = peer.puts.length;
    const done = await flaky.checkStatus(context(), outcome.remote);
    if (done.status !== 'published') throw new Error('not published');
    expect(peer.puts.slice(before).map((p) => p.contentRange)).toEqual([
      `bytes */${clip.bytes}`,
      `bytes ${KIB256}-${clip.bytes - 1}/${clip.bytes}`,
    ]);
    expect(peer.videos().filter((v) => v.title === peer.video(done.externalId)?.title)).toHaveLength(1);
  });

  it('finds an uploaded video by title, reads statistics and subscribers, whoAmI', async () => {
    const since = new Date().toISOString();
    const req = request();
    expect(await connector.findExisting(context(), req, since)).toBeNull();
    const outcome = await connector.publish(context(), req);
    if (outcome.status !== 'published') throw new Error('not published');
    expect((await connector.findExisting(context(), req, since))?.externalId).toBe(outcome.externalId);
    Object.assign(peer.video(outcome.externalId)?.statistics ?? {}, { viewCount: 99, likeCount: 8, commentCount: 2 });
    const metrics = await connector.postMetrics(context(), [outcome.externalId, 'gone1234567']);
    expect(metrics.get(outcome.externalId)).toMatchObject({ views: 99, likes: 8, comments: 2 });
    expect(metrics.size).toBe(1);
    expect(await connector.accountMetrics(context())).toEqual({ followers: peer.channel.subscribers });
    expect(await connector.whoAmI(context())).toMatchObject({ externalId: peer.channel.id, handle: '@peercreator' });
  });

  it('asks for youtube.force-ssl as an optional scope: requested, not required', () => {
    const auth = connector.auth;
    if (auth.kind !== 'oauth2-pkce') throw new Error('expected OAuth');
    expect(auth.scopes).toContain(YT_FORCE_SSL);
    expect(auth.requiredScopes).not.toContain(YT_FORCE_SSL);
    expect(auth.requiredScopes).toEqual([YT_UPLOAD, YT_READONLY]);
  });

  it('deletes with force-ssl (204, 50 quota units); a video already gone counts as deleted', async () => {
    const outcome = await connector.publish(context(), request());
    if (outcome.status !== 'published') throw new Error('not published');
    token = peer.issueToken([YT_UPLOAD, YT_READONLY, YT_FORCE_SSL]);
    const scopes = [YT_UPLOAD, YT_READONLY, YT_FORCE_SSL];
    const quota = peer.quotaUsed();
    await connector.delete(context({ token: { accessToken: token, scopes } }), outcome.externalId);
    expect(peer.video(outcome.externalId)?.deleted).toBe(true);
    expect(peer.quotaUsed() - quota).toBe(50);
    expect(peer.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/youtube/v3/videos' });
    expect(peer.requests.at(-1)?.query.get('id')).toBe(outcome.externalId);
    // Gone already (404 videoNotFound, still 50 units): done, not an error.
    await connector.delete(context({ token: { accessToken: token, scopes } }), outcome.externalId);
    expect(peer.quotaUsed() - quota).toBe(100);
    // The broad youtube scope deletes too.
    const other = await connector.publish(context(), request());
    if (other.status !== 'published') throw new Error('not published');
    token = peer.issueToken([YT_FULL]);
    await connector.delete(context(), other.externalId);
    expect(peer.video(other.externalId)?.deleted).toBe(true);
  });

  it('without a delete scope: missing_scope saying to reconnect; the peer refuses it, the video stays', async () => {
    const outcome = await connector.publish(context(), request());
    if (outcome.status !== 'published') throw new Error('not published');
    // Scopes unknown to the connector: the call goes out and Google's 403 insufficientPermissions comes back.
    const quota = peer.quotaUsed();
    const refused = await failure(connector.delete(context(), outcome.externalId));
    expect(refused).toMatchObject({
      kind: 'missing_scope',
      details: { status: 403, platformCode: 'insufficientPermissions' },
    });
    expect(refused.message).toBe(YOUTUBE_DELETE_SCOPE_MESSAGE);
    expect(refused.message).toMatch(/reconnect/i);
    expect(peer.quotaUsed() - quota).toBe(1);
    expect(peer.video(outcome.externalId)?.deleted).toBe(false);
    // Scopes known (from the token response) and lacking: nothing is sent, no quota spent.
    const before = peer.requests.length;
    const known = await failure(
      connector.delete(
        context({ token: { accessToken: token, scopes: [YT_UPLOAD, YT_READONLY] } }),
        outcome.externalId,
      ),
    );
    expect(known).toMatchObject({ kind: 'missing_scope', message: YOUTUBE_DELETE_SCOPE_MESSAGE });
    expect(peer.requests.length).toBe(before);
    expect(peer.quotaUsed() - quota).toBe(1);
  });

  it('the peer answers a scope refusal the way Google does', async () => {
    const response = await fetch(`${peer.origin}/youtube/v3/videos?id=abc`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${peer.issueToken([YT_UPLOAD, YT_READONLY])}` },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(await response.json()).toEqual({
      error: {
        code: 403,
        message: 'Request had insufficient authentication scopes.',
        errors: [{ message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' }],
        status: 'PERMISSION_DENIED',
      },
    });
  });

  it('maps 401, missing scope, quotaExceeded, 429, 5xx and drops', async () => {
    token = peer.issueToken(undefined, 0);
    expect((await failure(connector.accountMetrics(context()))).kind).toBe('auth_expired');
    token = peer.issueToken([YT_UPLOAD]);
    expect((await failure(connector.accountMetrics(context()))).kind).toBe('missing_scope');
    token = peer.issueToken();
    peer.inject(youtubeFaults.quotaExceeded());
    const quota = await failure(connector.publish(context(), request()));
    expect(quota).toMatchObject({ kind: 'rate_limited', details: { platformCode: 'quotaExceeded' } });
    expect(Date.parse(quota.details.resetAt ?? '')).toBeGreaterThan(Date.now());
    expect(rateLimits.at(-1)).toMatchObject({ bucket: 'quota', remaining: 0 });
    peer.inject(youtubeFaults.rateLimited());
    expect((await failure(connector.accountMetrics(context()))).kind).toBe('rate_limited');
    peer.inject(youtubeFaults.serverError(503));
    expect((await failure(connector.accountMetrics(context()))).kind).toBe('server');
    peer.inject({ kind: 'drop-before' });
    expect((await failure(connector.accountMetrics(context()))).kind).toBe('network');
  });

  it('checks title, description bytes and tags before sending; shorts warnings', async () => {
    const errors = (r: PublishRequest) => connector.validate(r).filter((f) => f.severity === 'error');
    expect(errors(request({ title: 't'.repeat(101) }))).toHaveLength(1);
    expect(errors(request({ parts: ['é'.repeat(2501)] }))).toHaveLength(1);
    expect(errors(request({ parts: ['é'.repeat(2500)] }))).toHaveLength(0);
    expect(errors(request({ tags: ['a'.repeat(250), 'b'.repeat(250)] }))).toHaveLength(1);
    expect(errors(request({ media: [] }))).toHaveLength(1);
    const wide = { ...clip, width: 1920, height: 1080, durationMs: 240_000 };
    expect(connector.validate(request({ media: [wide] })).filter((f) => f.severity === 'warning')).toHaveLength(2);
    const before = peer.requests.length;
    expect((await failure(connector.publish(context(), request({ title: 'a <b>' })))).kind).toBe('invalid');
    expect(peer.requests.length).toBe(before);
  });

  it('the peer refuses unknown metadata, a non-256 KiB middle chunk and an out-of-order chunk', async () => {
    const start = (body: unknown) =>
      fetch(`${peer.origin}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json; charset=UTF-8',
          'x-upload-content-length': String(KIB256 * 2),
          'x-upload-content-type': 'video/mp4',
        },
        body: JSON.stringify(body),
      });
    expect((await start({ snippet: { title: 'x', rating: 5 } })).status).toBe(400);
    expect((await start({ snippet: { title: 'x'.repeat(101) } })).status).toBe(400);
    const session =
      (await start({ snippet: { title: 'ok' }, status: { privacyStatus: 'private' } })).headers.get('location') ?? '';
    const put = (range: string, size: number) =>
      fetch(session, { method: 'PUT', headers: { 'content-range': range }, body: Buffer.alloc(size) });
    expect((await put(`bytes 0-999/${KIB256 * 2}`, 1000)).status).toBe(400);
    expect((await put(`bytes 1000-${KIB256 * 2 - 1}/${KIB256 * 2}`, KIB256 * 2 - 1000)).status).toBe(400);
    const first = await put(`bytes 0-${KIB256 - 1}/${KIB256 * 2}`, KIB256);
    expect(first.status).toBe(308);
    expect(first.headers.get('range')).toBe(`bytes=0-${KIB256 - 1}`);
  });
});
