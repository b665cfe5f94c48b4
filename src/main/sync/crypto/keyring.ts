import { randomBytes, randomUUID } from 'node:crypto';
import type { KdfParams, KeyEntry, Keyring } from '../../../shared/sync-api/sync';
import type { KeyringDraft } from '../engine/transport';
import { fromBase64, KEY_BYTES, open, seal } from './aead';
import { SyncCryptoError } from './errors';
import { derivePassphraseKey, newKdfParams } from './kdf';

/**
 * The keyring's rules, as pure functions over the wire format (src/shared/sync-api/sync.ts).
 *
 * Data keys seal changes and never change when the passphrase does: a passphrase change only
 * re-wraps them, so devices holding the keys keep working. A rotation adds a key wrapped by the
 * passphrase key and by the key before it (the previous entry in `keys`), so a device holding
 * only the older key follows without the passphrase.
 */

/** What an unlocked device holds (in memory and in the secrets port, never in SQLite). */
export interface UnlockedKeys {
  /** The passphrase-derived key and the salt it was derived with: lets this device rotate keys. */
  passphraseKey: Buffer | null;
  kdfSalt: string | null;
  currentKeyId: string;
  keys: Map<string, Buffer>;
}

const CHECK_TEXT = 'cadence-sync keyring check v1';
const wrapAad = (keyId: string) => `cadence-sync/key/${keyId}`;
const previousAad = (keyId: string) => `cadence-sync/key-prev/${keyId}`;
const checkAad = (keyId: string) => `cadence-sync/check/${keyId}`;

function newKeyId(): string {
  return randomUUID();
}

function sealCheck(key: Buffer, keyId: string): string {
  return seal(key, Buffer.from(CHECK_TEXT, 'utf8'), checkAad(keyId)).toString('base64');
}

/** A first keyring with one fresh data key. */
export async function createKeyringDraft(
  passphrase: string,
  cost?: Omit<KdfParams, 'algorithm' | 'salt'>,
): Promise<{ draft: KeyringDraft; unlocked: UnlockedKeys }> {
  const kdf = newKdfParams(cost);
  const passphraseKey = await derivePassphraseKey(passphrase, kdf);
  const keyId = newKeyId();
  const dataKey = randomBytes(KEY_BYTES);
  const entry: KeyEntry = {
    keyId,
    wrappedByPassphrase: seal(passphraseKey, dataKey, wrapAad(keyId)).toString('base64'),
    wrappedByPrevious: null,
    createdAt: new Date().toISOString(),
  };
  return {
    draft: { kdf, check: sealCheck(dataKey, keyId), currentKeyId: keyId, keys: [entry] },
    unlocked: { passphraseKey, kdfSalt: kdf.salt, currentKeyId: keyId, keys: new Map([[keyId, dataKey]]) },
  };
}

function decode(value: string, what: string): Buffer {
  const bytes = fromBase64(value);
  if (!bytes) throw new SyncCryptoError('keyring_corrupt', `The sync keyring is damaged (${what} is not valid data).`);
  return bytes;
}

function tryOpen(key: Buffer, sealed: Buffer, aad: string): Buffer | null {
  try {
    const opened = open(key, sealed, aad);
    return opened.length === KEY_BYTES ? opened : null;
  } catch {
    return null;
  }
}

/** Confirms the current key opens `check`: the keyring is consistent. */
function verifyCheck(keyring: Keyring | KeyringDraft, keys: Map<string, Buffer>): void {
  const current = keys.get(keyring.currentKeyId);
  if (!current) throw new SyncCryptoError('keyring_corrupt', 'The sync keyring has no usable current key.');
  try {
    const text = open(current, decode(keyring.check, 'the check value'), checkAad(keyring.currentKeyId));
    if (text.toString('utf8') !== CHECK_TEXT) throw new Error('check text differs');
  } catch {
    throw new SyncCryptoError(
      'keyring_corrupt',
      'The sync keyring is damaged: its key opens but does not match its check value. Your passphrase is right; the stored keyring is not.',
    );
  }
}

/**
 * Unwraps the keys this device does not hold yet: by the passphrase key when it has one, else by
 * the key before each (rotation chain). Keys that cannot be opened are left out.
 */
function unwrapKeys(
  keyring: Keyring | KeyringDraft,
  known: Map<string, Buffer>,
  passphraseKey: Buffer | null,
): Map<string, Buffer> {
  const keys = new Map(known);
  let previous: Buffer | null = null;
  for (const entry of keyring.keys) {
    let key = keys.get(entry.keyId) ?? null;
    if (!key && passphraseKey)
      key = tryOpen(passphraseKey, decode(entry.wrappedByPassphrase, 'a wrapped key'), wrapAad(entry.keyId));
    if (!key && previous && entry.wrappedByPrevious) {
      key = tryOpen(previous, decode(entry.wrappedByPrevious, 'a wrapped key'), previousAad(entry.keyId));
    }
    if (key) keys.set(entry.keyId, key);
    previous = key;
  }
  return keys;
}

/** Opens a keyring with the passphrase (another device joining). */
export async function unlockKeyring(keyring: Keyring, passphrase: string): Promise<UnlockedKeys> {
  const current = keyring.keys.find((k) => k.keyId === keyring.currentKeyId);
  if (!current) throw new SyncCryptoError('keyring_corrupt', 'The sync keyring does not list its current key.');
  const wrapped = decode(current.wrappedByPassphrase, 'the current key');
  const passphraseKey = await derivePassphraseKey(passphrase, keyring.kdf);
  if (!tryOpen(passphraseKey, wrapped, wrapAad(current.keyId))) {
    throw new SyncCryptoError(
      'wrong_passphrase',
      'That passphrase does not unlock your synced data. Use the sync passphrase you set on your first device.',
    );
  }
  const keys = unwrapKeys(keyring, new Map(), passphraseKey);
  verifyCheck(keyring, keys);
  return { passphraseKey, kdfSalt: keyring.kdf.salt, currentKeyId: keyring.currentKeyId, keys };
}

/**
 * Brings a device's keys up to date with a keyring another device changed (rotation, passphrase
 * change). Never needs the passphrase when the device holds a key from before the rotation.
 */
export function followKeyring(keyring: Keyring, unlocked: UnlockedKeys): UnlockedKeys {
  // A passphrase change elsewhere makes our passphrase key stale; it is only kept while it still fits.
  const passphraseKey = unlocked.kdfSalt === keyring.kdf.salt ? unlocked.passphraseKey : null;
  const keys = unwrapKeys(keyring, unlocked.keys, passphraseKey);
  if (!keys.has(keyring.currentKeyId)) {
    throw new SyncCryptoError(
      'unknown_key',
      'Your other devices use a sync key this device cannot open. Unlock sync again with your passphrase.',
    );
  }
  verifyCheck(keyring, keys);
  return { passphraseKey, kdfSalt: passphraseKey ? keyring.kdf.salt : null, currentKeyId: keyring.currentKeyId, keys };
}

/** Re-wraps every key under a new passphrase; the data keys (and so all stored changes) stay. */
export async function rewrapKeyring(
  keyring: Keyring,
  oldPassphrase: string,
  newPassphrase: string,
  cost?: Omit<KdfParams, 'algorithm' | 'salt'>,
): Promise<{ draft: KeyringDraft; unlocked: UnlockedKeys }> {
  const unlocked = await unlockKeyring(keyring, oldPassphrase);
  const kdf = newKdfParams(
    cost ?? {
      memoryKiB: keyring.kdf.memoryKiB,
      iterations: keyring.kdf.iterations,
      parallelism: keyring.kdf.parallelism,
    },
  );
  const passphraseKey = await derivePassphraseKey(newPassphrase, kdf);
  const keys = keyring.keys.map((entry): KeyEntry => {
    const key = unlocked.keys.get(entry.keyId);
    if (!key)
      throw new SyncCryptoError(
        'keyring_corrupt',
        `Sync key ${entry.keyId} cannot be opened, so it cannot be re-wrapped.`,
      );
    return { ...entry, wrappedByPassphrase: seal(passphraseKey, key, wrapAad(entry.keyId)).toString('base64') };
  });
  return {
    draft: { kdf, check: keyring.check, currentKeyId: keyring.currentKeyId, keys },
    unlocked: { ...unlocked, passphraseKey, kdfSalt: kdf.salt },
  };
}

/** Adds a fresh current key wrapped by the passphrase key and by the key before it. */
export function rotateKeyring(
  keyring: Keyring,
  unlocked: UnlockedKeys,
): { draft: KeyringDraft; unlocked: UnlockedKeys } {
  const { passphraseKey } = unlocked;
  if (!passphraseKey || unlocked.kdfSalt !== keyring.kdf.salt) {
    throw new SyncCryptoError(
      'passphrase_changed',
      'The sync passphrase was changed on another device. Unlock sync with the new passphrase, then rotate the key.',
    );
  }
  const last = keyring.keys[keyring.keys.length - 1]!;
  const previous = unlocked.keys.get(last.keyId);
  if (!previous) throw new SyncCryptoError('unknown_key', 'This device does not hold the newest sync key; sync first.');
  const keyId = newKeyId();
  const dataKey = randomBytes(KEY_BYTES);
  const entry: KeyEntry = {
    keyId,
    wrappedByPassphrase: seal(passphraseKey, dataKey, wrapAad(keyId)).toString('base64'),
    wrappedByPrevious: seal(previous, dataKey, previousAad(keyId)).toString('base64'),
    createdAt: new Date().toISOString(),
  };
  const keys = new Map(unlocked.keys).set(keyId, dataKey);
  return {
    draft: { kdf: keyring.kdf, check: sealCheck(dataKey, keyId), currentKeyId: keyId, keys: [...keyring.keys, entry] },
    unlocked: { ...unlocked, currentKeyId: keyId, keys },
  };
}
