import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedFileSecrets, KEY_FILE, SECRETS_FILE } from './encrypted-file';
import { KeychainSecrets } from './keychain';
import { MemorySecrets } from './memory';
import type { SecretsPort } from './types';

/** One implementation under the shared contract: `open()` again reaches the same stored secrets. */
interface Subject {
  name: string;
  persistent: boolean;
  setup(): Promise<{ open(): SecretsPort; cleanup(): Promise<void> }>;
}

const UNICODE = 'pâsswörd — 秘密 🔑 ﷽ e\u0301\nline two';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'cadence-secrets-'));
}

const subjects: Subject[] = [
  {
    name: 'memory',
    persistent: false,
    setup: async () => {
      const port = new MemorySecrets();
      return { open: () => port, cleanup: async () => undefined };
    },
  },
  {
    name: 'encrypted-file (key file)',
    persistent: true,
    setup: async () => {
      const dataDir = await tempDir();
      return {
        open: () => new EncryptedFileSecrets({ dataDir, env: {} }),
        cleanup: () => rm(dataDir, { recursive: true }),
      };
    },
  },
  {
    name: 'encrypted-file (passphrase)',
    persistent: true,
    setup: async () => {
      const dataDir = await tempDir();
      return {
        open: () => new EncryptedFileSecrets({ dataDir, passphrase: 'correct horse' }),
        cleanup: () => rm(dataDir, { recursive: true }),
      };
    },
  },
];

// The real keychain is only reachable inside scripts/with-keyring.sh (a private D-Bus session with an
// unlocked gnome-keyring), so its cases are registered there and nowhere else.
if (process.env.CADENCE_TEST_KEYCHAIN === '1') {
  subjects.push({
    name: 'keychain (real Secret Service)',
    persistent: true,
    setup: async () => {
      const service = `Cadence-test-${randomUUID()}`;
      const open = (): SecretsPort => new KeychainSecrets({ service });
      const cleanup = async (): Promise<void> => {
        const port = open();
        for (const key of await port.keys()) await port.delete(key);
      };
      return { open, cleanup };
    },
  });
}

describe.each(subjects)('SecretsPort contract: $name', (subject) => {
  let open: () => SecretsPort;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ open, cleanup } = await subject.setup());
  });
  afterEach(() => cleanup());

  it('starts empty', async () => {
    const secrets = open();
    expect(await secrets.get('missing')).toBeNull();
    expect(await secrets.keys()).toEqual([]);
    expect(await secrets.delete('missing')).toBe(false);
  });

  it('sets, overwrites, gets and deletes', async () => {
    const secrets = open();
    await secrets.set('x:token', 'first');
    await secrets.set('x:token', 'second');
    expect(await secrets.get('x:token')).toBe('second');
    expect(await secrets.delete('x:token')).toBe(true);
    expect(await secrets.get('x:token')).toBeNull();
    expect(await secrets.delete('x:token')).toBe(false);
  });

  it('lists keys only, sorted', async () => {
    const secrets = open();
    await secrets.set('youtube:refresh', 'v1');
    await secrets.set('bluesky:app-password', 'v2');
    expect(await secrets.keys()).toEqual(['bluesky:app-password', 'youtube:refresh']);
  });

  it('keeps unicode keys and values exactly', async () => {
    const secrets = open();
    await secrets.set('clé:🔑', UNICODE);
    const long = 'ab€'.repeat(700);
    await secrets.set('long', long);
    expect(await secrets.get('clé:🔑')).toBe(UNICODE);
    expect(await secrets.get('long')).toBe(long);
  });

  it('loses none of many concurrent writes', async () => {
    const secrets = open();
    await Promise.all(Array.from({ length: 8 }, (_, i) => secrets.set(`k${i}`, `v${i}`)));
    expect(await secrets.keys()).toEqual(Array.from({ length: 8 }, (_, i) => `k${i}`));
  });

  if (subject.persistent) {
    it('persists across instances', async () => {
      await open().set('mastodon:token', UNICODE);
      expect(await open().get('mastodon:token')).toBe(UNICODE);
      expect(await open().keys()).toEqual(['mastodon:token']);
    });
  }
});

describe('EncryptedFileSecrets', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await tempDir();
  });
  afterEach(() => rm(dataDir, { recursive: true }));

  const file = (): string => join(dataDir, SECRETS_FILE);

  it('never writes the plaintext, and keeps both files private (0600)', async () => {
    await new EncryptedFileSecrets({ dataDir, env: {} }).set('instagram:token', 'sk-live-PLAINTEXT-123');
    const raw = await readFile(file(), 'utf8');
    for (const needle of ['PLAINTEXT', 'instagram', Buffer.from('sk-live-PLAINTEXT-123').toString('base64')]) {
      expect(raw).not.toContain(needle);
    }
    if (process.platform !== 'win32') {
      expect((await stat(file())).mode & 0o777).toBe(0o600);
      expect((await stat(join(dataDir, KEY_FILE))).mode & 0o777).toBe(0o600);
    }
    expect((await readdir(dataDir)).sort()).toEqual([SECRETS_FILE, KEY_FILE].sort());
  });

  it('rejects an altered ciphertext or header, and does not overwrite it', async () => {
    const secrets = new EncryptedFileSecrets({ dataDir, passphrase: 'pw' });
    await secrets.set('k', 'v');
    const stored = JSON.parse(await readFile(file(), 'utf8')) as Record<string, string>;
    const data = Buffer.from(stored.data ?? '', 'base64');
    data[0] = (data[0] ?? 0) ^ 1;
    await writeFile(file(), JSON.stringify({ ...stored, data: data.toString('base64') }));
    const tampered = await readFile(file(), 'utf8');
    await expect(secrets.get('k')).rejects.toThrow(/key is wrong or the file was altered/);
    await expect(secrets.set('k2', 'v2')).rejects.toThrow(/altered/);
    expect(await readFile(file(), 'utf8')).toBe(tampered);

    await writeFile(file(), JSON.stringify({ ...stored, scrypt: { N: 2 ** 14, r: 8, p: 1 } }));
    await expect(new EncryptedFileSecrets({ dataDir, passphrase: 'pw' }).get('k')).rejects.toThrow(/altered/);
  });

  it('rejects a wrong passphrase instead of reading as empty', async () => {
    await new EncryptedFileSecrets({ dataDir, passphrase: 'right' }).set('k', 'v');
    await expect(new EncryptedFileSecrets({ dataDir, passphrase: 'wrong' }).keys()).rejects.toThrow(/key is wrong/);
  });

  it('rejects a replaced or missing key file', async () => {
    await new EncryptedFileSecrets({ dataDir, env: {} }).set('k', 'v');
    await writeFile(join(dataDir, KEY_FILE), Buffer.alloc(32, 7));
    await expect(new EncryptedFileSecrets({ dataDir, env: {} }).get('k')).rejects.toThrow(/key is wrong/);
    await rm(join(dataDir, KEY_FILE));
    await expect(new EncryptedFileSecrets({ dataDir, env: {} }).set('k', 'v')).rejects.toThrow(
      /secrets.key is missing/,
    );
    expect(existsSync(join(dataDir, KEY_FILE))).toBe(false);
  });

  it('says which key the file needs when the key source changed', async () => {
    await new EncryptedFileSecrets({ dataDir, env: {} }).set('k', 'v');
    const fromEnv = new EncryptedFileSecrets({ dataDir, env: { CADENCE_SECRETS_KEY: 'pw' } });
    await expect(fromEnv.get('k')).rejects.toThrow(/CADENCE_SECRETS_KEY is set/);
    expect(await new EncryptedFileSecrets({ dataDir, env: { CADENCE_SECRETS_KEY: '' } }).get('k')).toBe('v');
  });

  it('derives the key from CADENCE_SECRETS_KEY and then needs no key file', async () => {
    await new EncryptedFileSecrets({ dataDir, env: { CADENCE_SECRETS_KEY: 'pw' } }).set('k', 'v');
    expect(existsSync(join(dataDir, KEY_FILE))).toBe(false);
    expect(await new EncryptedFileSecrets({ dataDir, passphrase: 'pw' }).get('k')).toBe('v');
    await expect(new EncryptedFileSecrets({ dataDir, env: {} }).get('k')).rejects.toThrow(
      /CADENCE_SECRETS_KEY, which is not set/,
    );
  });

  it('rejects a file that is not a secrets file', async () => {
    await writeFile(file(), 'not json');
    await expect(new EncryptedFileSecrets({ dataDir, env: {} }).get('k')).rejects.toThrow(/damaged/);
  });
});

describe('KeychainSecrets without a keychain', () => {
  it('explains that the OS keychain is unavailable rather than crashing', async () => {
    const secrets = new KeychainSecrets({ load: () => Promise.reject(new Error('libsecret-1.so.0: cannot open')) });
    await expect(secrets.get('k')).rejects.toThrow('The OS keychain is not available: libsecret-1.so.0: cannot open');
  });
});

// Guards the wiring: without this script the keychain cases above can never run.
describe('keychain test harness', () => {
  it('has scripts/with-keyring.sh to run the real keychain cases', () => {
    expect(existsSync(resolve(import.meta.dirname, '../../../../scripts/with-keyring.sh'))).toBe(true);
  });
});
