import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import type { KdfParams } from '../../../shared/sync-api/sync';
import { KEY_BYTES } from './aead';

/** Argon2id cost, RFC 9106's second recommendation (64 MiB, 3 passes); lanes kept at 1 for slow laptops' other work. */
export const DEFAULT_KDF_COST: Omit<KdfParams, 'algorithm' | 'salt'> = {
  memoryKiB: 65_536,
  iterations: 3,
  parallelism: 1,
};

export function newKdfParams(cost: Omit<KdfParams, 'algorithm' | 'salt'> = DEFAULT_KDF_COST): KdfParams {
  return { algorithm: 'argon2id', salt: randomBytes(16).toString('base64'), ...cost };
}

/** The key-encryption key for a passphrase: argon2id raw output, 32 bytes. */
export async function derivePassphraseKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  return argon2.hash(passphrase.normalize('NFC'), {
    type: argon2.argon2id,
    raw: true,
    salt: Buffer.from(params.salt, 'base64'),
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    hashLength: KEY_BYTES,
  });
}
