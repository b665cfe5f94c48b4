import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { linkedInFaults, startLinkedInPeer, type LinkedInPeer } from '../../../../../test/peers/linkedin/server';
import { type MediaItem } from '../connector';
import { connectorTestSetup, failure } from '../connector.test-support';
import { createLinkedInConnector } from './linkedin.connector';
import { escapeLittleText } from './linkedin.text';

let peer: LinkedInPeer;
let folder: string;
let png: MediaItem;
let token: string;
const connector = createLinkedInConnector({ timeoutMs: 2_000 });

beforeAll(async () => {
  peer = await startLinkedInPeer();
  folder = await mkdtemp(join(tmpdir(), 'cadence-linkedin-'));
  const path = join(folder, 'photo.png');
  await writeFile(path, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  png = { path, mime: 'image/png', bytes: 16, kind: 'image', width: 1, height: 1, durationMs: null, altText: 'A dot' };
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

describe('LinkedIn connector against the peer', () => {
  it('posts with the version headers; the text survives reserved characters (little text escaping)', async () => {
    const text = `Launch (finally) [v2] at https://example.com/a_b?x=(1) — #buildinpublic @team *${setup.count}* ~ok~ <3 a_b`;
    const outcome = await connector.publish(context(), request([text]));
    if (outcome.status !== 'published') throw new Error('not published');
    expect(outcome.externalId).toMatch(/^urn:li:share:\d+$/);
    expect(outcome.url).toBe(`https://www.linkedin.com/feed/update/${outcome.externalId}/`);
    expect(peer.post(outcome.externalId)?.shown).toBe(text);
    const sent = peer.requests.find((r) => r.method === 'POST' && r.path === '/rest/posts');
    expect(sent?.headers['linkedin-version']).toMatch(/^\d{6}$/);
    expect(sent?.headers['x-restli-protocol-version']).toBe('2.0.0');
  });

  it('the peer cuts unescaped commentary at the first reserved character, as LinkedIn does', async () => {
    const res = await fetch(`${peer.origin}/rest/posts`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'linkedin-version': '202605',
        'x-restli-protocol-version': '2.0.0',
      },
      body: JSON.stringify({
        author: `urn:li:person:${peer.member.sub}`,
        commentary: 'Cut here (not shown)',
        visibility: 'PUBLIC',
        distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
        lifecycleState: 'PUBLISHED',
      }),
    });
    expect(res.status).toBe(201);
    expect(peer.post(res.headers.get('x-restli-id') ?? '')?.shown).toBe('Cut here ');
    expect(escapeLittleText('a (b) #tag c#d')).toBe('a \\(b\\) #tag c\\#d');
  });

  it('joins thread parts into one post and uploads images first (initializeUpload → PUT → content)', async () => {
    expect(connector.validate(request(['one', 'two'])).map((f) => f.severity)).toEqual(['warning']);
    const first = `one ${setup.count}`;
    const outcome = await connector.publish(context(), request([first, 'two'], [png, { ...png, altText: 'B' }]));
    if (outcome.status !== 'published') throw new Error('not published');
    const post = peer.post(outcome.externalId);
    expect(post?.shown).toBe(`${first}\n\ntwo`);
    expect(post?.images).toHaveLength(2);
    expect(post?.images.map((urn) => peer.image(urn)?.status)).toEqual(['AVAILABLE', 'AVAILABLE']);
    const single = await connector.publish(context(), request([`single ${setup.count}`], [png]));
    if (single.status !== 'published') throw new Error('not published');
    expect(peer.post(single.externalId)?.images).toHaveLength(1);
  });

  it('the peer refuses an image that was never uploaded, unknown fields and a missing or retired version', async () => {
    const headers = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'x-restli-protocol-version': '2.0.0',
    };
    const init = await fetch(`${peer.origin}/rest/images?action=initializeUpload`, {
      method: 'POST',
      headers: { ...headers, 'linkedin-version': '202605' },
      body: JSON.stringify({ initializeUploadRequest: { owner: `urn:li:person:${peer.member.sub}` } }),
    });
    const { value } = (await init.json()) as { value: { image: string } };
    const base = {
      author: `urn:li:person:${peer.member.sub}`,
      commentary: 'x',
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED' },
      lifecycleState: 'PUBLISHED',
    };
    const post = (body: unknown, version?: string) =>
      fetch(`${peer.origin}/rest/posts`, {
        method: 'POST',
        headers: { ...headers, ...(version ? { 'linkedin-version': version } : {}) },
        body: JSON.stringify(body),
      });
    const notReady = await post({ ...base, content: { media: { id: value.image } } }, '202605');
    expect(notReady.status).toBe(400);
    const unknown = await post({ ...base, extra: 1 }, '202605');
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { message: string }).message).toContain('/extra :: unrecognized field');
    const missing = await post(base);
    expect(await missing.json()).toMatchObject({ status: 400, code: 'VERSION_MISSING' });
    const old = await post(base, '202301');
    expect(await old.json()).toEqual({
      status: 426,
      code: 'NONEXISTENT_VERSION',
      serviceErrorCode: 100,
      message: 'Requested version 202301 is not active',
    });
    const error = await failure(createLinkedInConnector({ apiVersion: '202301' }).publish(context(), request(['old'])));
    expect(error).toMatchObject({ kind: 'invalid', details: { status: 426, platformCode: 'NONEXISTENT_VERSION' } });
  });

  it("refuses a video under LinkedIn's 75 KB minimum and text over 3000 characters before sending", async () => {
    const findings = connector.validate(
      request(['x'.repeat(3001)], [{ ...png, kind: 'video', mime: 'video/mp4', durationMs: 5_000 }]),
    );
    expect(findings.filter((f) => f.severity === 'error')).toHaveLength(2);
    expect(connector.validate(request(['('.repeat(3000)])).filter((f) => f.severity === 'error')).toHaveLength(0);
    await expect(connector.publish(context(), request(['x'.repeat(3001)]))).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('settles a lost answer: the resend is a duplicate of the first post, found without r_member_social', async () => {
    const text = `lost answer ${setup.count}`;
    peer.inject({ kind: 'drop-after', path: /^\/rest\/posts$/ });
    const lost = await failure(connector.publish(context(), request([text])));
    expect(lost.kind).toBe('network');
    const limited = peer.issueToken(['openid', 'profile', 'w_member_social']);
    expect(
      await connector.findExisting(
        context({ token: { accessToken: limited } }),
        request([text]),
        new Date(Date.now() - 5000).toISOString(),
      ),
    ).toBeNull();
    const found = await connector.findExisting(context(), request([text]), new Date(Date.now() - 5000).toISOString());
    const again = await connector.publish(context({ token: { accessToken: limited } }), request([text]));
    if (again.status !== 'published') throw new Error('not published');
    expect(again.externalId).toBe(found?.externalId);
    expect(peer.posts().filter((p) => p.shown === text)).toHaveLength(1);
  });

  it('deletes, and a second delete of a gone post is not an error', async () => {
    const outcome = await connector.publish(context(), request([`to delete ${setup.count}`]));
    if (outcome.status !== 'published') throw new Error('not published');
    await connector.delete(context(), outcome.externalId);
    expect(peer.post(outcome.externalId)?.deleted).toBe(true);
    await connector.delete(context(), outcome.externalId);
  });

  it('whoAmI through OpenID userinfo; member metrics and followers are unknown, not zero', async () => {
    expect(await connector.whoAmI(context())).toMatchObject({
      externalId: peer.member.sub,
      displayName: 'Peer Creator',
    });
    const metrics = await connector.postMetrics(context(), ['urn:li:share:1']);
    expect(metrics.get('urn:li:share:1')).toMatchObject({ likes: null, impressions: null, comments: null });
    expect(await connector.accountMetrics(context())).toEqual({ followers: null });
  });

  it('maps LinkedIn errors to kinds: expired, revoked, missing scope, 429 (reset at UTC midnight), 5xx', async () => {
    const expired = peer.issueToken(undefined, 0);
    expect(await failure(connector.whoAmI(context({ token: { accessToken: expired } })))).toMatchObject({
      kind: 'auth_expired',
      details: { platformCode: 'EXPIRED_ACCESS_TOKEN' },
    });
    const revoked = peer.issueToken();
    peer.revoke(revoked);
    expect(await failure(connector.whoAmI(context({ token: { accessToken: revoked } })))).toMatchObject({
      kind: 'auth_revoked',
    });
    const noWrite = peer.issueToken(['openid', 'profile']);
    expect(
      await failure(connector.publish(context({ token: { accessToken: noWrite } }), request(['no scope']))),
    ).toMatchObject({ kind: 'missing_scope' });
    peer.inject(linkedInFaults.rateLimited(/^\/rest\/posts$/));
    const limited = await failure(connector.publish(context(), request([`limited ${setup.count}`])));
    expect(limited.kind).toBe('rate_limited');
    expect(new Date(limited.details.resetAt ?? '').getUTCHours()).toBe(0);
    expect(rateLimits).toEqual([
      { bucket: 'POST /rest/posts', limit: null, remaining: 0, resetAt: limited.details.resetAt },
    ]);
    peer.inject(linkedInFaults.serverError(503, /^\/rest\/posts$/));
    expect(await failure(connector.publish(context(), request([`busy ${setup.count}`])))).toMatchObject({
      kind: 'server',
    });
    peer.inject({ kind: 'stall', path: /^\/v2\/userinfo$/ });
    expect(await failure(createLinkedInConnector({ timeoutMs: 200 }).whoAmI(context()))).toMatchObject({
      kind: 'timeout',
    });
  });

  it('the peer answers 429 once a member has made its daily posts', async () => {
    const small = await startLinkedInPeer({ dailyPostLimit: 1 });
    try {
      const ctx = context({ baseUrl: small.origin, token: { accessToken: small.issueToken() } });
      await connector.publish(ctx, request(['first of the day']));
      expect(await failure(connector.publish(ctx, request(['second of the day'])))).toMatchObject({
        kind: 'rate_limited',
      });
    } finally {
      await small.close();
    }
  });
});
