import { errors, jwtVerify, SignJWT } from 'jose';
import type { Role } from '../../shared/sync-api/accounts';
import { ApiError } from '../http/api-error';

/** Who is calling: from a verified access token, and checked against the database per request. */
export interface AuthContext {
  userId: string;
  deviceId: string;
  role: Role;
}

const ISSUER = 'cadence-sync';
const AUDIENCE = 'cadence-app';

export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    /** The server's clock, so tests can move past expiry. */
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  get expiresIn(): number {
    return this.ttlSeconds;
  }

  async sign(context: AuthContext): Promise<string> {
    return new SignJWT({ did: context.deviceId, role: context.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(context.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(this.now())
      .setExpirationTime(Math.floor(this.now().getTime() / 1000) + this.ttlSeconds)
      .sign(this.key);
  }

  /** Throws 401 `token_expired` (refresh and retry) or `unauthenticated` (sign in again). */
  async verify(token: string): Promise<AuthContext> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.now(),
      });
      const { sub, did, role } = payload;
      if (typeof sub !== 'string' || typeof did !== 'string' || (role !== 'user' && role !== 'admin')) {
        throw new ApiError(401, 'unauthenticated', 'The access token is not valid; sign in again.');
      }
      return { userId: sub, deviceId: did, role };
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (error instanceof errors.JWTExpired) {
        throw new ApiError(401, 'token_expired', 'The access token has expired; refresh it.');
      }
      throw new ApiError(401, 'unauthenticated', 'The access token is not valid; sign in again.');
    }
  }
}
