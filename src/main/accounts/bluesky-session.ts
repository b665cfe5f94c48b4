import { z } from 'zod';
import type { TokenSet } from '../publishing/providers/connector';
import { TokenCallError } from './oauth-client';

export const BLUESKY_DEFAULT_SERVICE = 'https://bsky.social';

const sessionSchema = z.object({
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
  handle: z.string(),
  did: z.string().startsWith('did:'),
});

export interface BlueskySession {
  token: TokenSet;
  handle: string;
  did: string;
}

/**
 * com.atproto.server.createSession with an app password (never the main password is asked for).
 * The access JWT lives ~2 h, the refresh JWT much longer; both go to the secrets port.
 */
export async function createBlueskySession(
  service: string,
  identifier: string,
  password: string,
): Promise<BlueskySession> {
  return call(service, 'com.atproto.server.createSession', { identifier, password }, null);
}

/** com.atproto.server.refreshSession: the refresh JWT as the bearer; both JWTs are replaced. */
export async function refreshBlueskySession(service: string, current: TokenSet): Promise<TokenSet> {
  if (!current.refreshToken) throw new TokenCallError('revoked', 'There is no refresh token to renew the session with');
  const session = await call(service, 'com.atproto.server.refreshSession', null, current.refreshToken);
  return { ...session.token, extra: { ...current.extra, ...session.token.extra } };
}

async function call(service: string, method: string, body: unknown, bearer: string | null): Promise<BlueskySession> {
  let response: Response;
  try {
    response = await fetch(`${service.replace(/\/+$/, '')}/xrpc/${method}`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new TokenCallError('transient', `Bluesky could not be reached (${message})`);
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const code = z.object({ error: z.string(), message: z.string().optional() }).safeParse(json);
    const name = code.success ? code.data.error : `HTTP ${response.status}`;
    // XRPC: 401 AuthenticationRequired (wrong password), 400 ExpiredToken/InvalidToken (refresh JWT gone).
    const revoked =
      response.status === 401 || (code.success && ['ExpiredToken', 'InvalidToken', 'AccountTakedown'].includes(name));
    if (revoked) throw new TokenCallError('revoked', `Bluesky refused the sign-in (${name})`, name);
    throw new TokenCallError('transient', `Bluesky answered ${response.status} (${name})`, name);
  }
  const session = sessionSchema.safeParse(json);
  if (!session.success) throw new TokenCallError('transient', 'Bluesky sent a session Cadence could not read');
  const { accessJwt, refreshJwt, did, handle } = session.data;
  return {
    handle,
    did,
    token: {
      accessToken: accessJwt,
      refreshToken: refreshJwt,
      expiresAt: jwtExpiry(accessJwt),
      extra: { did, pds: service },
    },
  };
}

/** The `exp` claim of a JWT (not verified: only to know when to refresh). */
function jwtExpiry(jwt: string): string | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const exp = z.object({ exp: z.number() }).safeParse(claims);
    return exp.success ? new Date(exp.data.exp * 1000).toISOString() : undefined;
  } catch {
    return undefined;
  }
}
