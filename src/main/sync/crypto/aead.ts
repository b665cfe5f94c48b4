import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SyncCryptoError } from './errors';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/**
 * AES-256-GCM with a random 96-bit nonce. Output: nonce ‖ ciphertext ‖ tag. `aad` binds the
 * sealed bytes to their context (a change's HLC, a key's id) so a blob cannot be replayed elsewhere.
 * Random nonces are safe here: a key seals far fewer than 2^32 messages before rotation matters.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  if (key.length !== KEY_BYTES) throw new Error('A sync key is 32 bytes.');
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Opens what `seal` produced; fails (SyncCryptoError 'change_corrupt') if anything was altered or the key is wrong. */
export function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) {
    throw new SyncCryptoError('change_corrupt', 'Sealed data is too short to be valid.');
  }
  const nonce = sealed.subarray(0, NONCE_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const body = sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new SyncCryptoError('change_corrupt', 'Sealed data failed authentication.');
  }
}

/** Strict base64: a malformed value is corrupt data, not something to guess at. */
export function fromBase64(value: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return null;
  return Buffer.from(value, 'base64');
}
