import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXPeer, X_PEER_CLIENT_ID, type XPeer } from './server';

/** The X peer on raw HTTP: OAuth 2.0 with PKCE, refresh, bearer + scopes, 280 weighted. */

let peer: XPeer;
beforeAll(async () => {
  peer = await startXPeer();
});
afterAll(() => peer.close());

const REDIRECT = 'http://127.0.0.1:45679/callback';
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
});

describe('X peer', () => {
  it('issues tokens through authorization code + PKCE S256, refreshes and revokes', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const url = new URL(`${peer.origin}/i/oauth2/authorize`);
    const params = {
      response_type: 'code',
      client_id: X_PEER_CLIENT_ID,
      redirect_uri: REDIRECT,
      state: 'st',
      scope: 'tweet.read tweet.write users.read offline.access media.write',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const auth = await fetch(url, { redirect: 'manual' });
    const code = new URL(auth.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const base = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: X_PEER_CLIENT_ID };
    const wrong = await fetch(`${peer.origin}/2/oauth2/token`, form({ ...base, code_verifier: 'nope' }));
    expect(wrong.status).toBe(400);
    const res = await fetch(`${peer.origin}/2/oauth2/token`, form({ ...base, code_verifier: verifier }));
    const tokens = (await res.json()) as {
      access_token: string;
      refresh_token: string;
      expires_in: number;
      token_type: string;
    };
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 7200 });
    const refreshed = await fetch(
      `${peer.origin}/2/oauth2/token`,
      form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: X_PEER_CLIENT_ID }),
    );
    const next = (await refreshed.json()) as { access_token: string };
    expect(next.access_token).not.toBe(tokens.access_token);
    const reused = await fetch(
      `${peer.origin}/2/oauth2/token`,
      form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: X_PEER_CLIENT_ID }),
    );
    expect(reused.status).toBe(400);
    await fetch(`${peer.origin}/2/oauth2/revoke`, form({ token: next.access_token, client_id: X_PEER_CLIENT_ID }));
    const me = await fetch(`${peer.origin}/2/users/me`, { headers: { authorization: `Bearer ${next.access_token}` } });
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({
      title: 'Unauthorized',
      type: 'about:blank',
      status: 401,
      detail: 'Unauthorized',
    });
  });

  it('counts 280 weighted characters the twitter-text way', async () => {
    const token = peer.issueToken();
    const post = (text: string) =>
      fetch(`${peer.origin}/2/tweets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
    expect((await post('😀'.repeat(140))).status).toBe(201);
    expect((await post('😀'.repeat(141))).status).toBe(400);
    expect((await post(`${'a'.repeat(256)} https://example.com/${'x'.repeat(300)}`)).status).toBe(201);
  });
});
