import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeOk } from '../../../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../../../test/support/test-core';
import { ConnectorError, type ConnectorContext, type MediaItem, type RateLimitInfo } from '../connector';
import { createBlueskyConnector, parseAtUri, validateBluesky } from './bluesky.connector';
import { facetText } from './bluesky.facets';

/**
 * Against a REAL PDS (@atproto/dev-env: PLC + PDS on localhost, no AppView), signed in with an
 * app password through the accounts domain, as a user would.
 */
let network: TestNetworkNoAppView;
let t: TestCore;
let folder: string;
let png: MediaItem;
let context: ConnectorContext;
let did: string;
let reader: AtpAgent;
const rateLimits: RateLimitInfo[] = [];
const connector = createBlueskyConnector({ timeoutMs: 10_000 });

beforeAll(async () => {
  network = await TestNetworkNoAppView.create({});
  const admin = new AtpAgent({ service: network.pds.url });
  const created = await admin.com.atproto.server.createAccount({
    email: 'ada@cadence.test',
    handle: 'ada.test',
    password: 'main-password-not-for-cadence',
  });
  did = created.data.did;
  await admin.login({ identifier: 'ada.test', password: 'main-password-not-for-cadence' });
  const appPassword = (await admin.com.atproto.server.createAppPassword({ name: 'cadence' })).data.password;
  reader = admin;

  t = await createTestCore();
  const account = await invokeOk(t.core, 'accounts:connect-app-password', {
    handle: '@ada.test',
    appPassword,
    service: network.pds.url,
  });
  expect(account).toMatchObject({ platform: 'bluesky', handle: 'ada.test', status: 'valid' });
  context = {
    ...(await t.core.domains.accounts.tokens.context(account.id)),
    onRateLimit: (info) => rateLimits.push(info),
  };

  folder = await mkdtemp(join(tmpdir(), 'cadence-bluesky-'));
  const path = join(folder, 'photo.png');
  const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#1185fe' } })
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
    altText: 'A Bluesky-blue rectangle',
  };
}, 60_000);

afterAll(async () => {
  await t?.dispose();
  await network?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function record(uri: string) {
  const { repo, collection, rkey } = parseAtUri(uri);
  return (await reader.com.atproto.repo.getRecord({ repo, collection, rkey })).data;
}

describe('Bluesky connector against a real PDS', () => {
  it('knows who the app password belongs to, from the context the accounts domain built', async () => {
    expect(context.baseUrl).toBe(network.pds.url);
    expect(context.token.extra?.did).toBe(did);
    expect(await connector.whoAmI(context)).toEqual({ externalId: did, handle: 'ada.test', displayName: 'ada.test' });
  });

  it('posts with an image and a link facet, reads it back, deletes it', async () => {
    const text = '🎉 日本語 launch notes: https://cadence.example/notes?v=1 #shipping';
    const request = { parts: [text], media: [png], idempotencyKey: 'job-image' };
    expect(connector.validate(request)).toEqual([]);
    const since = new Date(Date.now() - 1000).toISOString();
    const outcome = await connector.publish(context, request);
    if (outcome.status !== 'published') throw new Error('expected published');
    expect(outcome.externalId).toMatch(new RegExp(`^at://${did}/app\\.bsky\\.feed\\.post/`));
    expect(outcome.url).toBe(`https://bsky.app/profile/${did}/post/${parseAtUri(outcome.externalId).rkey}`);

    const stored = await record(outcome.externalId);
    const value = stored.value as {
      text: string;
      facets: { index: { byteStart: number; byteEnd: number }; features: Record<string, string>[] }[];
      embed: {
        $type: string;
        images: {
          alt: string;
          image: { ref: { toString(): string }; mimeType: string; size: number };
          aspectRatio: unknown;
        }[];
      };
    };
    expect(value.text).toBe(text);
    const link = value.facets.find((f) => f.features[0]?.$type === 'app.bsky.richtext.facet#link');
    expect(link?.features[0]?.uri).toBe('https://cadence.example/notes?v=1');
    expect(facetText(text, link!.index)).toBe('https://cadence.example/notes?v=1');
    const tag = value.facets.find((f) => f.features[0]?.$type === 'app.bsky.richtext.facet#tag');
    expect(facetText(text, tag!.index)).toBe('#shipping');
    expect(value.embed.$type).toBe('app.bsky.embed.images');
    const [image] = value.embed.images;
    expect(image).toMatchObject({ alt: 'A Bluesky-blue rectangle', aspectRatio: { width: 40, height: 30 } });
    expect(image?.image).toMatchObject({ mimeType: 'image/png', size: png.bytes });
    // The blob is really in the repo under the CID the record references.
    const blob = await reader.com.atproto.sync.getBlob({ did, cid: image!.image.ref.toString() });
    expect(blob.data.length).toBe(png.bytes);

    expect(await connector.findExisting(context, request, since)).toEqual({
      externalId: outcome.externalId,
      url: outcome.url,
      partIds: [outcome.externalId],
    });
    // No AppView behind this PDS: the post is known to exist, its counts are not.
    const metrics = await connector.postMetrics(context, [outcome.externalId]);
    expect(metrics.get(outcome.externalId)).toMatchObject({ likes: null, shares: null });
    expect(await connector.accountMetrics(context)).toEqual({ followers: null });

    await connector.delete(context, outcome.externalId);
    const gone = await reader.com.atproto.repo.getRecord(parseAtUri(outcome.externalId)).then(
      () => 'still there',
      (error: unknown) => (error as { error?: string }).error,
    );
    expect(gone).toBe('RecordNotFound');
    expect((await connector.postMetrics(context, [outcome.externalId])).size).toBe(0);
    expect(await connector.findExisting(context, request, since)).toBeNull();
    await connector.delete(context, outcome.externalId); // already gone is fine
  });

  it('posts a thread of two parts with root and parent refs, and mentions resolved to DIDs', async () => {
    const request = {
      parts: ['Thread start, says @ada.test 👋', 'Part two 🧵 with #tags'],
      media: [],
      idempotencyKey: 'job-thread',
    };
    const since = new Date(Date.now() - 1000).toISOString();
    const outcome = await connector.publish(context, request);
    if (outcome.status !== 'published') throw new Error('expected published');
    const [first, second] = outcome.partIds ?? [];
    const root = await record(first!);
    const reply = await record(second!);
    expect((root.value as { reply?: unknown }).reply).toBeUndefined();
    const mention = (
      root.value as { facets: { index: { byteStart: number; byteEnd: number }; features: Record<string, string>[] }[] }
    ).facets[0];
    expect(mention?.features[0]).toEqual({ $type: 'app.bsky.richtext.facet#mention', did });
    expect(facetText(request.parts[0]!, mention!.index)).toBe('@ada.test');
    expect((reply.value as { reply: unknown }).reply).toEqual({
      root: { uri: first, cid: root.cid },
      parent: { uri: first, cid: root.cid },
    });
    expect(await connector.findExisting(context, request, since)).toMatchObject({ partIds: [first, second] });
    for (const uri of [second!, first!]) await connector.delete(context, uri);
  });
});

describe('Bluesky validation and errors', () => {
  const base = { media: [] as MediaItem[], idempotencyKey: 'k' };

  it('counts 300 graphemes and 3000 bytes, refuses blobs over 1,000,000 bytes and a video mixed with images', () => {
    expect(validateBluesky({ ...base, parts: ['🎉'.repeat(300)] })).toEqual([]);
    // 300 graphemes but 5,400 UTF-8 bytes: over the lexicon's 3,000-byte maxLength.
    expect(validateBluesky({ ...base, parts: ['👨‍👩‍👧'.repeat(300)] })[0]?.message).toContain('5400 bytes');
    expect(validateBluesky({ ...base, parts: ['a'.repeat(301)] })[0]?.message).toContain('301 characters');
    const big = { ...png, path: '/x/big.png', bytes: 1_000_001 };
    expect(validateBluesky({ ...base, parts: ['hi'], media: [big] })[0]?.message).toContain('1000000 bytes');
    expect(
      validateBluesky({ ...base, parts: ['hi'], media: [png, { ...png, kind: 'video', mime: 'video/mp4' }] })[0]
        ?.severity,
    ).toBe('error');
  });

  const fake = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    createBlueskyConnector({
      fetch: () =>
        Promise.resolve(
          new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }),
        ),
    });
  const ctx = (): ConnectorContext => ({
    baseUrl: 'http://127.0.0.1:9',
    token: { accessToken: 'a', refreshToken: 'r', extra: { did: 'did:plc:x', pds: 'http://127.0.0.1:9' } },
    account: { id: 'a1', handle: 'x', externalId: 'did:plc:x', instanceUrl: null },
    onRateLimit: (info) => rateLimits.push(info),
  });
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
    return error;
  };

  it('maps ExpiredToken to auth_expired', async () => {
    const error = await failure(fake(400, { error: 'ExpiredToken', message: 'Token has expired' }).whoAmI(ctx()));
    expect(error.kind).toBe('auth_expired');
  });

  it('maps RateLimitExceeded with ratelimit-* headers to rate_limited and reports them', async () => {
    rateLimits.length = 0;
    const connectorAt429 = fake(
      429,
      { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      {
        'ratelimit-limit': '5000',
        'ratelimit-remaining': '0',
        'ratelimit-reset': '1800000000',
        'ratelimit-policy': '5000;w=3600',
      },
    );
    const error = await failure(connectorAt429.publish(ctx(), { ...base, parts: ['hello'] }));
    expect(error.kind).toBe('rate_limited');
    expect(error.details.resetAt).toBe(new Date(1_800_000_000_000).toISOString());
    expect(rateLimits).toContainEqual({ bucket: 'write', limit: 5000, remaining: 0, resetAt: error.details.resetAt });
  });

  it('maps a lost connection to network', async () => {
    const error = await failure(
      createBlueskyConnector({ fetch: () => Promise.reject(new TypeError('fetch failed')) }).whoAmI(ctx()),
    );
    expect(error.kind).toBe('network');
  });
});
