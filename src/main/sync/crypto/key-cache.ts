import { z } from 'zod';
import type { SecretsPort } from '../../platform/secrets/types';
import { fromBase64 } from './aead';
import type { UnlockedKeys } from './keyring';

const SECRET_NAME = 'sync.unlocked-keys';

const cachedSchema = z.object({
  passphraseKey: z.string().nullable(),
  kdfSalt: z.string().nullable(),
  currentKeyId: z.string().min(1),
  keys: z.record(z.string(), z.string()),
});

/**
 * Keeps unlocked keys across restarts through the secrets port (OS keychain on the desktop), so
 * the passphrase is asked once per device. Never written to SQLite, logs or exports.
 */
export class KeyCache {
  constructor(private readonly secrets: SecretsPort) {}

  async load(): Promise<UnlockedKeys | null> {
    const raw = await this.secrets.get(SECRET_NAME);
    if (!raw) return null;
    let value: unknown;
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
    const parsed = cachedSchema.safeParse(value);
    if (!parsed.success) return null;
    const keys = new Map<string, Buffer>();
    for (const [id, encoded] of Object.entries(parsed.data.keys)) {
      const bytes = fromBase64(encoded);
      if (bytes) keys.set(id, bytes);
    }
    if (!keys.has(parsed.data.currentKeyId)) return null;
    const passphraseKey = parsed.data.passphraseKey ? fromBase64(parsed.data.passphraseKey) : null;
    return { passphraseKey, kdfSalt: parsed.data.kdfSalt, currentKeyId: parsed.data.currentKeyId, keys };
  }

  async save(unlocked: UnlockedKeys): Promise<void> {
    const value = {
      passphraseKey: unlocked.passphraseKey?.toString('base64') ?? null,
      kdfSalt: unlocked.kdfSalt,
      currentKeyId: unlocked.currentKeyId,
      keys: Object.fromEntries([...unlocked.keys].map(([id, key]) => [id, key.toString('base64')])),
    };
    await this.secrets.set(SECRET_NAME, JSON.stringify(value));
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_NAME);
  }
}
