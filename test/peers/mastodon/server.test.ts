import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MastodonPeer, startMastodonPeer } from './server';

/** The Mastodon peer on raw HTTP: app registration, OAuth with PKCE, Idempotency-Key, limits. */

let peer: MastodonPeer;
beforeAll(async () => {
  peer = await startMastodonPeer();
});
afterAll(() => peer.close());

const REDIRECT = 'http://127.0.0.1:45678/callback';

async function registerApp() {
  const res = await fetch(`${peer.origin}/api/v1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Cadence',
      redirect_uris: REDIRECT,
      scopes: 'read write:statuses write:media',
    }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { client_id: string; client_secret: string };
}

async function authorize(clientId: string, challenge: string): Promise<string> {
  const url = new URL(`${peer.origin}/oauth/authorize`);
  const params = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope: 'read write:statuses',
    state: 's1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  expect(location.searchParams.get('state')).toBe('s1');
  return location.searchParams.get('code') ?? '';
}

const exchange = (app: { client_id: string; client_secret: string }, code: string, verifier: string) =>
  fetch(`${peer.origin}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: app.client_id,
      client_secret: app.client_secret,
      code_verifier: verifier,
    }),
  });

describe('Mastodon peer', () => {
  it('runs the OAuth flow with PKCE S256 and refuses a wrong verifier', async () => {
    const app = await registerApp();
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const wrong = await exchange(app, await authorize(app.client_id, challenge), 'not-the-verifier');
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    const res = await exchange(app, await authorize(app.client_id, challenge), verifier);
    const token = (await res.json()) as { access_token: string; scope: string };
    expect(token.scope).toBe('read write:statuses');
    const me = await fetch(`${peer.origin}/api/v1/accounts/verify_credentials`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(me.status).toBe(200);
    const media = await fetch(`${peer.origin}/api/v2/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(media.status).toBe(403);
    expect(await media.json()).toEqual({ error: 'This action is outside the authorized scopes' });
  });

  it('honours Idempotency-Key per account, counts URLs as 23, answers 401 with the error body', async () => {
    const token = peer.issueToken();
    const post = (status: string, key?: string) =>
      fetch(`${peer.origin}/api/v1/statuses`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: JSON.stringify({ status }),
      });
    const a = (await (await post('same', 'k1')).json()) as { id: string };
    const b = (await (await post('same', 'k1')).json()) as { id: string };
    expect(b.id).toBe(a.id);
    const url = `https://example.com/${'p'.repeat(200)}`;
    expect((await post(`${'a'.repeat(476)} ${url}`)).status).toBe(200);
    const over = await post('a'.repeat(501));
    expect(over.status).toBe(422);
    expect(await over.json()).toEqual({ error: 'Validation failed: Text character limit of 500 exceeded' });
    const noAuth = await fetch(`${peer.origin}/api/v1/statuses`, { method: 'POST' });
    expect(noAuth.status).toBe(401);
    expect(await noAuth.json()).toEqual({ error: 'The access token is invalid' });
  });
});
