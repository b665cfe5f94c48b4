import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ServerDb } from '../db/schema';
import { ApiError } from '../http/api-error';
import type { AccessTokens, AuthContext } from './access-token';

/** The bearer token, or for WebSocket upgrades (browsers cannot set headers) the `token` query parameter. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7).trim() || null;
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.token === 'string' ? query.token : null;
}

/**
 * Verifies the token and that its device is still active: revoking a device or deleting the
 * account takes effect on the next request, not when the token expires. Marks the device seen
 * (at most once a minute, so busy devices don't write on every call).
 */
export function createAuthenticator(db: Kysely<ServerDb>, tokens: AccessTokens, now: () => Date = () => new Date()) {
  return async function authenticate(request: FastifyRequest): Promise<AuthContext> {
    const token = bearerToken(request);
    if (!token) throw new ApiError(401, 'unauthenticated', 'Sign in first: this needs an access token.');
    const context = await tokens.verify(token);
    const device = await db
      .selectFrom('devices')
      .innerJoin('users', 'users.id', 'devices.user_id')
      .select(['devices.revoked_at', 'devices.last_seen_at', 'users.role'])
      .where('devices.id', '=', context.deviceId)
      .where('devices.user_id', '=', context.userId)
      .executeTakeFirst();
    if (!device) throw new ApiError(401, 'unauthenticated', 'This account or device no longer exists; sign in again.');
    if (device.revoked_at) throw new ApiError(401, 'device_revoked', 'This device was signed out from another device.');
    if (!device.last_seen_at || now().getTime() - device.last_seen_at.getTime() > 60_000) {
      await db.updateTable('devices').set({ last_seen_at: now() }).where('id', '=', context.deviceId).execute();
    }
    // The role comes from the database, so a demotion applies before the token expires.
    return { ...context, role: device.role };
  };
}

export type Authenticate = ReturnType<typeof createAuthenticator>;

export async function requireAdmin(authenticate: Authenticate, request: FastifyRequest): Promise<AuthContext> {
  const context = await authenticate(request);
  if (context.role !== 'admin') throw new ApiError(403, 'forbidden', 'Only an administrator can do this.');
  return context;
}
