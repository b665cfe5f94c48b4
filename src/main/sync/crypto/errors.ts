/**
 * Stable codes for what can go wrong with sync keys, so the app can say what to do:
 * - wrong_passphrase: the passphrase does not open the keyring (try again).
 * - keyring_corrupt: the keyring opens but is not consistent, or is malformed (not a typo).
 * - change_corrupt: a change fails authentication (tampered or damaged); it is skipped.
 * - unknown_key: a change was sealed with a key this device cannot obtain.
 * - passphrase_changed: another device changed the passphrase; unlock again with the new one.
 * - change_too_large: one field is too big for a sync change (64 KiB sealed).
 */
export type SyncCryptoErrorCode =
  'wrong_passphrase' | 'keyring_corrupt' | 'change_corrupt' | 'unknown_key' | 'passphrase_changed' | 'change_too_large';

export class SyncCryptoError extends Error {
  constructor(
    readonly code: SyncCryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncCryptoError';
  }
}
