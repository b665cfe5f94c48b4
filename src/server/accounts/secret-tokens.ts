import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: used in refresh tokens and email links. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of a token: a leaked table cannot be replayed. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
