import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Keyring } from '../../../shared/sync-api/sync';
import { MemorySecrets } from '../../platform/secrets/memory';
import { open, seal } from './aead';
import { openChange, sealChange } from './change-cipher';
import { SyncCryptoError } from './errors';
import { KeyCache } from './key-cache';
import { createKeyringDraft, followKeyring, rewrapKeyring, rotateKeyring, unlockKeyring } from './keyring';

const COST = { memoryKiB: 8192, iterations: 1, parallelism: 1 };
const HLC = `001700000000000-00000-00000000-0000-4000-8000-00000000000a`;

function stored(draft: Omit<Keyring, 'version'>, version = 1): Keyring {
  return { ...structuredClone(draft), version };
}

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string | null> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
    return null;
  } catch (error) {
    return error instanceof SyncCryptoError ? error.code : `unexpected: ${String(error)}`;
  }
}

describe('sync crypto', () => {
  it('seals changes with AES-256-GCM bound to their HLC; tampering or another HLC is refused', async () => {
    const { unlocked } = await createKeyringDraft('correct horse battery staple', COST);
    const key = unlocked.keys.get(unlocked.currentKeyId)!;
    const change = {
      v: 1 as const,
      op: 'update' as const,
      table: 'posts',
      rowId: 'p1',
      fields: { title: 'Hello' },
      hlc: HLC,
    };
    const sealed = sealChange(change, unlocked.currentKeyId, key);
    expect(sealed.blob).not.toContain('Hello');
    expect(openChange(sealed, key)).toEqual(change);

    const bytes = Buffer.from(sealed.blob, 'base64');
    bytes[bytes.length - 20]! ^= 0x01;
    expect(await codeOf(() => openChange({ ...sealed, blob: bytes.toString('base64') }, key))).toBe('change_corrupt');
    const otherHlc = HLC.replace('-00000-', '-00001-');
    expect(await codeOf(() => openChange({ ...sealed, hlc: otherHlc }, key))).toBe('change_corrupt');
    expect(await codeOf(() => openChange({ ...sealed, blob: '###' }, key))).toBe('change_corrupt');
  });

  it('uses a fresh nonce for every seal', () => {
    const key = Buffer.alloc(32, 7);
    const a = seal(key, Buffer.from('same'), 'aad');
    const b = seal(key, Buffer.from('same'), 'aad');
    expect(a.equals(b)).toBe(false);
    expect(open(key, a, 'aad').toString()).toBe('same');
  });

  it('refuses a change too large for the wire limit with a clear code', async () => {
    const { unlocked } = await createKeyringDraft('pass phrase', COST);
    const key = unlocked.keys.get(unlocked.currentKeyId)!;
    // Random bytes do not compress, so 80 KB stays over 64 KiB once sealed.
    const random = randomBytes(80_000);
    const change = {
      v: 1 as const,
      op: 'update' as const,
      table: 'posts',
      rowId: 'p1',
      fields: { body: random.toString('base64') },
      hlc: HLC,
    };
    expect(await codeOf(() => sealChange(change, unlocked.currentKeyId, key))).toBe('change_too_large');
  });

  it('unlocks on another device with the passphrase; a wrong one is told apart from a damaged keyring', async () => {
    const { draft, unlocked } = await createKeyringDraft('the right passphrase', COST);
    const keyring = stored(draft);
    const other = await unlockKeyring(keyring, 'the right passphrase');
    expect(other.keys.get(draft.currentKeyId)!.equals(unlocked.keys.get(draft.currentKeyId)!)).toBe(true);

    expect(await codeOf(unlockKeyring(keyring, 'the wrong passphrase'))).toBe('wrong_passphrase');
    // A check value that does not match the (authentic) key: corrupt, not a typo.
    const otherDraft = (await createKeyringDraft('the right passphrase', COST)).draft;
    expect(await codeOf(unlockKeyring({ ...keyring, check: otherDraft.check }, 'the right passphrase'))).toBe(
      'keyring_corrupt',
    );
    const mangled = structuredClone(keyring);
    mangled.keys[0]!.wrappedByPassphrase = 'not base64!';
    expect(await codeOf(unlockKeyring(mangled, 'the right passphrase'))).toBe('keyring_corrupt');
  });

  it('a passphrase change does not strand a device that holds the keys, and the old passphrase stops working', async () => {
    const { draft, unlocked: deviceA } = await createKeyringDraft('old passphrase', COST);
    const v1 = stored(draft, 1);
    const deviceB = await unlockKeyring(v1, 'old passphrase');
    const key = deviceA.keys.get(draft.currentKeyId)!;
    const before = sealChange({ v: 1, op: 'delete', table: 'posts', rowId: 'p1', hlc: HLC }, draft.currentKeyId, key);

    const changed = await rewrapKeyring(v1, 'old passphrase', 'new passphrase', COST);
    const v2 = stored(changed.draft, 2);
    expect(await codeOf(unlockKeyring(v2, 'old passphrase'))).toBe('wrong_passphrase');
    const deviceC = await unlockKeyring(v2, 'new passphrase');
    expect(openChange(before, deviceC.keys.get(draft.currentKeyId)!).rowId).toBe('p1');

    const followed = followKeyring(v2, deviceB);
    expect(followed.keys.get(draft.currentKeyId)!.equals(key)).toBe(true);
    // B's passphrase key no longer fits, so B may not rotate until it unlocks with the new passphrase.
    expect(followed.passphraseKey).toBeNull();
    expect(await codeOf(() => rotateKeyring(v2, followed))).toBe('passphrase_changed');
  });

  it('a rotation is followed by a device holding only the old key, without the passphrase', async () => {
    const { draft, unlocked: deviceA } = await createKeyringDraft('passphrase', COST);
    const v1 = stored(draft, 1);
    const onlyOldKey = {
      passphraseKey: null,
      kdfSalt: null,
      currentKeyId: draft.currentKeyId,
      keys: new Map([[draft.currentKeyId, deviceA.keys.get(draft.currentKeyId)!]]),
    };
    const rotated = rotateKeyring(v1, deviceA);
    const v2 = stored(rotated.draft, 2);
    expect(v2.currentKeyId).not.toBe(v1.currentKeyId);
    const rotatedTwice = rotateKeyring(v2, rotated.unlocked);
    const v3 = stored(rotatedTwice.draft, 3);

    const followed = followKeyring(v3, onlyOldKey);
    expect(followed.currentKeyId).toBe(v3.currentKeyId);
    const newest = rotatedTwice.unlocked.keys.get(v3.currentKeyId)!;
    expect(followed.keys.get(v3.currentKeyId)!.equals(newest)).toBe(true);
    // And a new device still unlocks every key with the passphrase.
    const fresh = await unlockKeyring(v3, 'passphrase');
    expect(fresh.keys.size).toBe(3);

    const stranger = { ...onlyOldKey, currentKeyId: 'x', keys: new Map([['x', Buffer.alloc(32, 1)]]) };
    expect(await codeOf(() => followKeyring(v3, stranger))).toBe('unknown_key');
  });

  it('caches unlocked keys in the secrets port and forgets them on clear', async () => {
    const secrets = new MemorySecrets();
    const cache = new KeyCache(secrets);
    const { unlocked } = await createKeyringDraft('passphrase', COST);
    await cache.save(unlocked);
    const loaded = await cache.load();
    expect(loaded?.currentKeyId).toBe(unlocked.currentKeyId);
    expect(loaded?.keys.get(unlocked.currentKeyId)!.equals(unlocked.keys.get(unlocked.currentKeyId)!)).toBe(true);
    expect(loaded?.passphraseKey?.equals(unlocked.passphraseKey!)).toBe(true);
    await cache.clear();
    expect(await cache.load()).toBeNull();
    expect(await secrets.keys()).toEqual([]);
  });
});
