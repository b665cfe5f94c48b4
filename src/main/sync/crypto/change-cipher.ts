import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { type StampedChange, syncChangePayloadSchema, type SyncChangePayload } from '../../../shared/sync/change';
import type { EncryptedChange } from '../../../shared/sync-api/sync';
import { fromBase64, open, seal } from './aead';
import { SyncCryptoError } from './errors';

/** The contract's limit on one sealed change (nonce ‖ ciphertext ‖ tag). */
export const MAX_SEALED_BYTES = 64 * 1024;

/**
 * Seals one change: JSON, deflated (post text compresses well and the server stores less), then
 * AES-256-GCM with the change's HLC as additional data, so a blob moved to another stamp fails.
 */
export function sealChange(change: StampedChange, keyId: string, key: Buffer): EncryptedChange {
  const { hlc, ...payload } = change;
  const sealed = seal(key, deflateRawSync(Buffer.from(JSON.stringify(payload), 'utf8')), hlc);
  if (sealed.length > MAX_SEALED_BYTES) {
    throw new SyncCryptoError(
      'change_too_large',
      `A change to ${change.table} ${change.rowId} is ${Math.ceil(sealed.length / 1024)} KiB once sealed; sync carries at most 64 KiB per change.`,
    );
  }
  return { hlc, keyId, blob: sealed.toString('base64') };
}

/** Opens a pulled change; a tampered or damaged blob fails with 'change_corrupt'. */
export function openChange(change: EncryptedChange, key: Buffer): StampedChange {
  const bytes = fromBase64(change.blob);
  if (!bytes) throw new SyncCryptoError('change_corrupt', `Change ${change.hlc} is not valid base64.`);
  const plain = open(key, bytes, change.hlc);
  let payload: SyncChangePayload;
  try {
    payload = syncChangePayloadSchema.parse(JSON.parse(inflateRawSync(plain).toString('utf8')));
  } catch {
    throw new SyncCryptoError('change_corrupt', `Change ${change.hlc} opened but does not hold a valid change.`);
  }
  return { ...payload, hlc: change.hlc };
}
