import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { ServerDb } from '../db/schema';
import type { CodeGrant } from '../../main/accounts/token-exchange/confidential-exchange';

/** Cadence's Facebook app as the broker's tests configure it on the server and on the peer. */
export const FACEBOOK_APP = { clientId: 'cadence-facebook-app', clientSecret: 'fb-app-secret-9d1e2c7a' } as const;
export const INSTAGRAM_APP = { clientId: 'cadence-instagram-app', clientSecret: 'ig-app-secret-41b8f0aa' } as const;

/** The loopback redirect the desktop would listen on. */
export const REDIRECT_URI = 'http://127.0.0.1:53682/callback';

/**
 * Signs the test user in at a Meta peer's authorize page the way the system browser would (the
 * peer redirects at once) and returns the code from the redirect with the PKCE verifier it is bound to.
 */
export async function codeFromMetaPeer(
  peerOrigin: string,
  authorizePath: string,
  clientId: string,
  scopes: string[],
): Promise<CodeGrant> {
  const codeVerifier = randomBytes(32).toString('base64url');
  const url = new URL(authorizePath, peerOrigin);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('redirect_uri', REDIRECT_URI);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', scopes.join(','));
  url.searchParams.set('state', randomBytes(8).toString('hex'));
  url.searchParams.set('code_challenge', createHash('sha256').update(codeVerifier).digest('base64url'));
  url.searchParams.set('code_challenge_method', 'S256');
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`The peer did not redirect (HTTP ${response.status}).`);
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error('The peer redirected without a code.');
  return { code, redirectUri: REDIRECT_URI, codeVerifier };
}

export const FACEBOOK_SCOPES = ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement'];
export const INSTAGRAM_SCOPES = ['instagram_business_basic', 'instagram_business_content_publish'];

/** Every row of every table of the service, as text: tokens and secrets must be in none of them. */
export async function everythingStored(db: Kysely<ServerDb>): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`.execute(db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const dump = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(table_name)} t`.execute(db);
    parts.push(...dump.rows.map((r) => r.row));
  }
  return parts.join('\n');
}
