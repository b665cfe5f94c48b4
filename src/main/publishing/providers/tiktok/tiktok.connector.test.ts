import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTikTokPeer, type TikTokPeer, tiktokFaults } from '../../../../../test/peers/tiktok/server';
import { type MediaItem, type PublishRequest } from '../connector';
import { connectorTestSetup, failure } from '../connector.test-support';
import { chunkPlan, createTikTokConnector } from './tiktok.connector';

const MB = 1024 * 1024;
let peer: TikTokPeer;
let folder: string;
let small: MediaItem;
let large: MediaItem;
let token: string;
const connector = createTikTokConnector({
  timeoutMs: 5_000,
  chunkBytes: 5 * MB,
  statusPollMs: 1,
  statusPollsPerPublish: 5,
});

/** An MP4-like file: an `ftyp` box, then filler (the peer checks sizes and ranges only). */
function mp4Like(bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes, 0x2a);
  Buffer.from('00000018667479706d703432000000006d703432', 'hex').copy(buffer);
  return buffer;
}

beforeAll(async () => {
  peer = await startTikTokPeer({ privateAccount: true, processingPolls: 2 });
  folder = await mkdtemp(join(tmpdir(), 'cadence-tiktok-'));
  const smallPath = join(folder, 'small.mp4');
  await writeFile(smallPath, mp4Like(300_000));
  const largePath = join(folder, 'large.mp4');
  await writeFile(largePath, mp4Like(11 * MB + 123));
  const base = {
    mime: 'video/mp4',
    kind: 'video' as const,
    width: 1080,
    height: 1920,
    durationMs: 15_000,
    altText: '',
  };
  small = { ...base, path: smallPath, bytes: 300_000 };
  large = { ...base, path: largePath, bytes: 11 * MB + 123 };
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
  account: { id: 'acc-tt', handle: '@peer.creator', externalId: peer.creator.openId, instanceUrl: null },
}));
const { context, request, rateLimits } = setup;

describe('TikTok connector against the peer', () => {
  it('refuses a post without a video, or with images, before sending', () => {
    const errors = (r: PublishRequest) => connector.validate(r).filter((f) => f.severity === 'error');
    expect(errors(request(['just text']))).toHaveLength(1);
    expect(errors(request(['x'.repeat(2201)], [small]))).toHaveLength(1);
    expect(errors(request(['ok'], [small]))).toHaveLength(0);
    expect(chunkPlan(3 * MB, 10 * MB)).toEqual({ chunkSize: 3 * MB, count: 1 });
    expect(chunkPlan(11 * MB, 5 * MB)).toEqual({ chunkSize: 5 * MB, count: 2 });
  });

  it('queries creator_info, inits with SELF_ONLY, uploads whole under 5 MB and polls until PUBLISH_COMPLETE', async () => {
    const outcome = await connector.publish(context(), request(['A small clip #cadence'], [small]));
    if (outcome.status !== 'published') throw new Error('not published');
    const video = peer.videos().find((v) => v.postId === outcome.externalId);
    expect(video).toMatchObject({
      privacy: 'SELF_ONLY',
      chunks: 1,
      size: 300_000,
      received: 300_000,
      title: 'A small clip #cadence',
    });
    expect(outcome.url).toBe(`https://www.tiktok.com/@peer.creator/video/${outcome.externalId}`);
    const steps = peer.requests
      .filter((r) => r.path.startsWith('/v2/post') || r.path === '/upload/')
      .map((r) => r.path);
    expect(steps.slice(-5)).toEqual(
      [
        '/v2/post/publish/creator_info/query/',
        '/v2/post/publish/video/init/',
        '/upload/',
        '/v2/post/publish/status/fetch/',
        '/v2/post/publish/status/fetch/',
      ]
        .concat(['/v2/post/publish/status/fetch/'])
        .slice(-5),
    );
  });

  it('uploads in chunks with Content-Range, the last chunk taking the rest', async () => {
    const outcome = await connector.publish(context(), request(['A large clip'], [large]));
    expect(outcome.status).toBe('published');
    const puts = peer.requests.filter((r) => r.method === 'PUT');
    expect(puts.slice(-2).map((r) => r.headers['content-range'])).toEqual([
      `bytes 0-${5 * MB - 1}/${11 * MB + 123}`,
      `bytes ${5 * MB}-${11 * MB + 122}/${11 * MB + 123}`,
    ]);
  });

  it('the peer refuses out-of-order chunks and a wrong chunk count', async () => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=UTF-8' };
    const init = (source: Record<string, unknown>) =>
      fetch(`${peer.origin}/v2/post/publish/video/init/`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          post_info: { title: 't', privacy_level: 'SELF_ONLY' },
          source_info: { source: 'FILE_UPLOAD', ...source },
        }),
      });
    const wrong = await init({ video_size: 11 * MB, chunk_size: 5 * MB, total_chunk_count: 3 });
    expect(await wrong.json()).toMatchObject({ error: { code: 'invalid_params' } });
    const good = (await (await init({ video_size: 11 * MB, chunk_size: 5 * MB, total_chunk_count: 2 })).json()) as {
      data: { upload_url: string };
    };
    const skip = await fetch(good.data.upload_url, {
      method: 'PUT',
      headers: { 'content-type': 'video/mp4', 'content-range': `bytes ${5 * MB}-${11 * MB - 1}/${11 * MB}` },
      body: Buffer.alloc(6 * MB),
    });
    expect(skip.status).toBe(416);
    const unknown = await fetch(`${peer.origin}/v2/post/publish/video/init/`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ post_info: {}, extra: 1 }),
    });
    expect(await unknown.json()).toMatchObject({ error: { code: 'invalid_params', log_id: expect.any(String) } });
  });

  it('returns pending when processing outlasts the polls, and checkStatus completes it', async () => {
    const slow = await startTikTokPeer({ privateAccount: true, processingPolls: 3 });
    try {
      const ctx = context({ baseUrl: slow.origin, token: { accessToken: slow.issueToken() } });
      const once = createTikTokConnector({ statusPollMs: 1, statusPollsPerPublish: 1 });
      const first = await once.publish(ctx, request(['slow'], [small]));
      if (first.status !== 'pending') throw new Error('expected pending');
      let outcome = await once.checkStatus(ctx, first.remote);
      while (outcome.status === 'pending') outcome = await once.checkStatus(ctx, outcome.remote);
      expect(slow.videos()[0]?.postId).toBe(outcome.externalId);
    } finally {
      await slow.close();
    }
  });

  it('an unaudited app may only post SELF_ONLY to a private account; privacy must be one of the options', async () => {
    const open = await startTikTokPeer({ privateAccount: false });
    try {
      const ctx = context({ baseUrl: open.origin, token: { accessToken: open.issueToken() } });
      expect(await failure(connector.publish(ctx, request(['public?'], [small])))).toMatchObject({
        kind: 'invalid',
        details: { platformCode: 'unaudited_client_can_only_post_to_private_accounts' },
      });
      const res = await fetch(`${open.origin}/v2/post/publish/video/init/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ctx.token.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          post_info: { title: 't', privacy_level: 'PUBLIC_TO_EVERYONE' },
          source_info: { source: 'FILE_UPLOAD', video_size: 10, chunk_size: 10, total_chunk_count: 1 },
        }),
      });
      expect(res.status).toBe(403);
    } finally {
      await open.close();
    }
    const audited = await startTikTokPeer({ audited: true, privateAccount: true });
    try {
      const ctx = context({ baseUrl: audited.origin, token: { accessToken: audited.issueToken() } });
      const res = await fetch(`${audited.origin}/v2/post/publish/video/init/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ctx.token.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          post_info: { title: 't', privacy_level: 'PUBLIC_TO_EVERYONE' },
          source_info: { source: 'FILE_UPLOAD', video_size: 10, chunk_size: 10, total_chunk_count: 1 },
        }),
      });
      expect(await res.json()).toMatchObject({ error: { code: 'privacy_level_option_mismatch' } });
      const outcome = await createTikTokConnector({ audited: true, statusPollMs: 1 }).publish(
        ctx,
        request(['audited'], [small]),
      );
      expect(outcome.status).toBe('published');
      expect(audited.videos()[0]?.privacy).toBe('SELF_ONLY');
    } finally {
      await audited.close();
    }
  });

  it('metrics through video/query, whoAmI, findExisting by caption; delete is refused honestly', async () => {
    const caption = `find me ${setup.count}`;
    const outcome = await connector.publish(context(), request([caption], [small]));
    if (outcome.status !== 'published') throw new Error('not published');
    const metrics = await connector.postMetrics(context(), [outcome.externalId, 'v_pub_file~x']);
    expect([...metrics.keys()]).toEqual([outcome.externalId]);
    expect(metrics.get(outcome.externalId)).toMatchObject({
      views: 0,
      likes: 0,
      comments: 0,
      shares: 0,
      impressions: null,
    });
    expect(await connector.whoAmI(context())).toMatchObject({
      externalId: peer.creator.openId,
      handle: '@peer.creator',
    });
    expect(await connector.accountMetrics(context())).toEqual({ followers: null });
    const since = new Date(Date.now() - 5_000).toISOString();
    expect((await connector.findExisting(context(), request([caption], [small]), since))?.externalId).toBe(
      outcome.externalId,
    );
    expect(await connector.findExisting(context(), request(['never posted'], [small]), since)).toBeNull();
    expect(await failure(connector.delete(context(), outcome.externalId))).toMatchObject({ kind: 'invalid' });
  });

  it('maps the error envelope: invalid token, missing scope, 429 rate_limit_exceeded, 5xx, timeouts', async () => {
    const expired = peer.issueToken(undefined, 0);
    expect(await failure(connector.whoAmI(context({ token: { accessToken: expired } })))).toMatchObject({
      kind: 'auth_expired',
      details: { platformCode: 'access_token_invalid' },
    });
    const noPublish = peer.issueToken(['user.info.basic']);
    expect(
      await failure(connector.publish(context({ token: { accessToken: noPublish } }), request(['x'], [small]))),
    ).toMatchObject({ kind: 'missing_scope', details: { platformCode: 'scope_not_authorized' } });
    peer.inject(tiktokFaults.rateLimited(/video\/init/));
    const limited = await failure(connector.publish(context(), request(['limited'], [small])));
    expect(limited).toMatchObject({ kind: 'rate_limited', details: { status: 429 } });
    expect(rateLimits[0]).toMatchObject({
      bucket: 'POST /v2/post/publish/video/init/',
      remaining: 0,
      resetAt: limited.details.resetAt,
    });
    peer.inject(tiktokFaults.serverError(500, /creator_info/));
    expect(await failure(connector.publish(context(), request(['busy'], [small])))).toMatchObject({ kind: 'server' });
    peer.inject({ kind: 'stall', path: /creator_info/ });
    expect(
      await failure(createTikTokConnector({ timeoutMs: 200 }).publish(context(), request(['slow'], [small]))),
    ).toMatchObject({ kind: 'timeout' });
  });

  it('the peer limits video/init to 6 requests per token per minute', async () => {
    const ctx = context();
    for (let i = 0; i < 6; i += 1) await connector.publish(ctx, request([`burst ${i}`], [small]));
    expect(await failure(connector.publish(ctx, request(['seventh'], [small])))).toMatchObject({
      kind: 'rate_limited',
    });
  });
});
