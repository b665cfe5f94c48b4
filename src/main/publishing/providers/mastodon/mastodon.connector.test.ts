import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MastodonPeer, mastodonFaults, startMastodonPeer } from '../../../../../test/peers/mastodon/server';
import { type MediaItem } from '../connector';
import { connectorTestSetup, failure } from '../connector.test-support';
import { createMastodonConnector } from './mastodon.connector';

let peer: MastodonPeer;
let folder: string;
let png: MediaItem;
let token: string;

const connector = createMastodonConnector({ timeoutMs: 2_000, mediaPollMs: 5 });

beforeAll(async () => {
  peer = await startMastodonPeer();
  folder = await mkdtemp(join(tmpdir(), 'cadence-mastodon-'));
  const path = join(folder, 'photo.png');
  const bytes = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#3366cc' } })
    .png()
    .toBuffer();
  await writeFile(path, bytes);
  png = {
    path,
    mime: 'image/png',
    bytes: bytes.length,
    kind: 'image',
    width: 32,
    height: 24,
    durationMs: null,
    altText: 'A blue square',
  };
});
afterAll(async () => {
  await peer.close();
  await rm(folder, { recursive: true, force: true });
});
beforeEach(() => {
  token = peer.issueToken(['read', 'write:statuses', 'write:media']);
  rateLimits.length = 0;
});

const setup = connectorTestSetup(() => ({
  baseUrl: peer.origin,
  token: { accessToken: token },
  account: { id: 'acc-1', handle: '@creator', externalId: peer.account.id, instanceUrl: peer.origin },
}));
const { context, request, rateLimits } = setup;

describe('Mastodon connector against the peer', () => {
  it('publishes a text status with the Idempotency-Key header and reports the rate-limit headers', async () => {
    const req = request(['Hello from Cadence & friends <3']);
    const outcome = await connector.publish(context(), req);
    expect(outcome).toMatchObject({ status: 'published', url: expect.stringContaining(peer.origin) });
    if (outcome.status !== 'published') return;
    expect(peer.status(outcome.externalId)?.text).toBe('Hello from Cadence & friends <3');
    const sent = peer.requests.findLast((r) => r.path === '/api/v1/statuses');
    expect(sent?.headers['idempotency-key']).toBe(req.idempotencyKey);
    expect(rateLimits.find((r) => r.bucket === 'statuses')).toMatchObject({
      limit: 300,
      remaining: expect.any(Number),
    });
    expect(rateLimits[0]?.resetAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('publishes a thread, each part replying to the one before', async () => {
    const outcome = await connector.publish(context(), request(['one', 'two', 'three']));
    if (outcome.status !== 'published') throw new Error('not published');
    const ids = outcome.partIds ?? [];
    expect(ids).toHaveLength(3);
    expect(ids.map((id) => peer.status(id)?.inReplyToId)).toEqual([null, ids[0], ids[1]]);
  });

  it('uploads an image through media v2 (202, then polls until processed) with its alt text', async () => {
    const outcome = await connector.publish(context(), request(['with a picture'], [png]));
    if (outcome.status !== 'published') throw new Error('not published');
    const status = peer.status(outcome.externalId);
    expect(status?.mediaIds).toHaveLength(1);
    const upload = peer.requests.findLast((r) => r.path === '/api/v2/media');
    expect(upload?.body.kind === 'multipart' && upload.body.form.get('description')).toBe('A blue square');
    expect(peer.requests.some((r) => r.path === `/api/v1/media/${status?.mediaIds[0]}`)).toBe(true);
  });

  it('a retry with the same key returns the same status instead of a second one', async () => {
    const req = request(['posted once, whatever happens']);
    peer.inject({ kind: 'drop-after', path: /^\/api\/v1\/statuses$/ });
    const lost = await failure(connector.publish(context(), req));
    expect(lost.kind).toBe('network');
    const before = peer.statuses().length;
    const retried = await connector.publish(context(), req);
    expect(peer.statuses().length).toBe(before);
    expect(peer.statuses().filter((s) => s.text === 'posted once, whatever happens')).toHaveLength(1);
    expect(retried.status).toBe('published');
  });

  it('finds a post whose response was dropped among the recent statuses', async () => {
    const since = new Date().toISOString();
    const req = request(['lost answer, found post', 'and its reply']);
    peer.inject({ kind: 'drop-after', path: /^\/api\/v1\/statuses$/ });
    await failure(connector.publish(context(), request(['unrelated'])));
    const nothing = await connector.findExisting(context(), req, since);
    expect(nothing).toBeNull();
    peer.inject({ kind: 'drop-after', path: /^\/api\/v1\/statuses$/ });
    await failure(connector.publish(context(), req));
    const found = await connector.findExisting(context(), req, since);
    const first = peer.statuses().find((s) => s.text === 'lost answer, found post');
    expect(found).toMatchObject({ externalId: first?.id, partIds: [first?.id] });
  });

  it('deletes a status and leaves out deleted ones from the metrics', async () => {
    const outcome = await connector.publish(context(), request(['short-lived']));
    if (outcome.status !== 'published') throw new Error('not published');
    await connector.delete(context(), outcome.externalId);
    expect(peer.status(outcome.externalId)?.deleted).toBe(true);
    await connector.delete(context(), outcome.externalId);
    expect((await connector.postMetrics(context(), [outcome.externalId])).size).toBe(0);
  });

  it('reads post metrics and followers', async () => {
    const outcome = await connector.publish(context(), request(['popular']));
    if (outcome.status !== 'published') throw new Error('not published');
    const status = peer.status(outcome.externalId);
    if (!status) throw new Error('missing');
    Object.assign(status, { favourites: 7, reblogs: 3, replies: 2 });
    const metrics = await connector.postMetrics(context(), [outcome.externalId]);
    expect(metrics.get(outcome.externalId)).toMatchObject({ likes: 7, shares: 3, comments: 2, impressions: null });
    expect(await connector.accountMetrics(context())).toEqual({ followers: peer.account.followers });
    expect(await connector.whoAmI(context())).toMatchObject({
      externalId: peer.account.id,
      handle: expect.stringMatching(/^@creator@127\.0\.0\.1:/),
    });
  });

  it('maps 401, 403 scope, 422, 429 and 5xx to the kinds the queue acts on', async () => {
    const revoked = peer.issueToken();
    peer.invalidateToken(revoked);
    const bad = { token: { accessToken: revoked } };
    expect((await failure(connector.accountMetrics(context(bad)))).kind).toBe('auth_revoked');
    const refreshable = { token: { accessToken: revoked, refreshToken: 'r' } };
    expect((await failure(connector.accountMetrics(context(refreshable)))).kind).toBe('auth_expired');

    token = peer.issueToken(['read']);
    expect((await failure(connector.publish(context(), request(['no write scope'])))).kind).toBe('missing_scope');
    token = peer.issueToken();

    const resetAt = new Date(Date.now() + 120_000);
    peer.inject(mastodonFaults.rateLimited(resetAt));
    const limited = await failure(connector.accountMetrics(context()));
    expect(limited).toMatchObject({ kind: 'rate_limited', details: { status: 429, resetAt: resetAt.toISOString() } });
    expect(rateLimits.at(-1)).toMatchObject({ remaining: 0, resetAt: resetAt.toISOString() });

    peer.inject(mastodonFaults.serverError(503));
    expect((await failure(connector.accountMetrics(context()))).kind).toBe('server');

    peer.inject({ kind: 'stall', path: /verify_credentials/ });
    const impatient = createMastodonConnector({ timeoutMs: 200 });
    expect((await failure(impatient.accountMetrics(context()))).kind).toBe('timeout');
  });

  it('refuses over-limit text before sending anything, counting URLs as 23', async () => {
    const long = 'x'.repeat(501);
    expect(connector.validate(request([long])).some((f) => f.severity === 'error')).toBe(true);
    const withUrl = `${'y'.repeat(470)} https://example.com/${'z'.repeat(100)}`;
    expect(connector.validate(request([withUrl])).filter((f) => f.severity === 'error')).toEqual([]);
    const before = peer.requests.filter((r) => r.path === '/api/v1/statuses').length;
    expect((await failure(connector.publish(context(), request(['ok', long])))).kind).toBe('invalid');
    expect(peer.requests.filter((r) => r.path === '/api/v1/statuses').length).toBe(before);
  });

  it('uses the instance limit from /api/v2/instance', async () => {
    const roomy = await startMastodonPeer({ maxCharacters: 1000, mediaProcessingPolls: 0 });
    try {
      const ctx = context({ baseUrl: roomy.origin, token: { accessToken: roomy.issueToken() } });
      const outcome = await connector.publish(ctx, request(['w'.repeat(900)], [png]));
      expect(outcome.status).toBe('published');
    } finally {
      await roomy.close();
    }
  });

  it('hands back pending while media is still processing, and checkStatus finishes the post', async () => {
    const slow = await startMastodonPeer({ mediaProcessingPolls: 5 });
    const quick = createMastodonConnector({ timeoutMs: 2_000, mediaPollMs: 1, mediaPollsPerPublish: 2 });
    try {
      const ctx = context({ baseUrl: slow.origin, token: { accessToken: slow.issueToken() } });
      const first = await quick.publish(ctx, request(['video later'], [png]));
      if (first.status !== 'pending') throw new Error('expected pending');
      const second = await quick.checkStatus(ctx, first.remote);
      expect(second.status).toBe('pending');
      let outcome = second;
      for (let i = 0; i < 5 && outcome.status === 'pending'; i += 1)
        outcome = await quick.checkStatus(ctx, first.remote);
      expect(outcome.status).toBe('published');
      expect(slow.statuses()).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });
});
