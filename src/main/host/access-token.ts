import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A random URL-safe token, like Jupyter's, printed once in the host's URL. */
export function createAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from timings. */
export function tokenMatches(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token from `Authorization: Bearer …` or, for WebSocket upgrades, the `token` query parameter. */
export function tokenFromRequest(headers: Record<string, string | string[] | undefined>, url: string): string | null {
  const auth = headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  const query = new URL(url, 'http://127.0.0.1').searchParams.get('token');
  return query;
}
