import * as oauth from 'oauth4webapi';
import type { CodeGrant } from './confidential-exchange';

/** The loopback redirect the tests pretend to listen on (no server: the code is read off the redirect). */
export const TEST_REDIRECT = 'http://127.0.0.1:53682/callback';

/**
 * Walks a peer's authorize page like the system browser would and returns the code grant, with the
 * PKCE pair written the way the platform wants the challenge (`encode`).
 */
export async function codeGrantFrom(
  authorizeUrl: string,
  params: Record<string, string>,
  encode: (verifier: string) => Promise<string> = (v) => oauth.calculatePKCECodeChallenge(v),
): Promise<CodeGrant> {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const url = new URL(authorizeUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  url.searchParams.set('redirect_uri', TEST_REDIRECT);
  url.searchParams.set('state', 'st');
  url.searchParams.set('code_challenge', await encode(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  const answer = await fetch(url, { redirect: 'manual' });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) throw new Error(`authorize answered ${answer.status}`);
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`no code on ${location}`);
  return { code, redirectUri: TEST_REDIRECT, codeVerifier };
}
