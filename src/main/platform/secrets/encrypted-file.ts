import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt as scryptCallback,
  type ScryptOptions,
} from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { SecretsPort } from './types';

export const SECRETS_FILE = 'secrets.enc';
export const KEY_FILE = 'secrets.key';
export const SECRETS_KEY_ENV = 'CADENCE_SECRETS_KEY';

const KEY_BYTES = 32;
// ~32 MiB and ~100 ms per derivation: once per process, since the derived key is cached.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };

// The header is authenticated (as AAD) with the ciphertext, so editing the salt or key source
// is detected like any other tampering.
const headerSchema = z.object({
  format: z.literal('cadence-secrets'),
  version: z.literal(1),
  key: z.enum(['file', 'passphrase']),
  salt: z.string().optional(),
  scrypt: z.object({ N: z.number().int(), r: z.number().int(), p: z.number().int() }).optional(),
});
const fileSchema = headerSchema.extend({ iv: z.string(), tag: z.string(), data: z.string() });
type Header = z.infer<typeof headerSchema>;

export interface EncryptedFileOptions {
  dataDir: string;
  /** Derive the key from this passphrase instead of the key file beside the secrets. */
  passphrase?: string;
  /** Where CADENCE_SECRETS_KEY is read when no passphrase is given; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Secrets for the headless host, where there is no OS keychain: one AES-256-GCM file, written
 * atomically with mode 0600. The key is derived from CADENCE_SECRETS_KEY when set, else it is a
 * random key file beside the secrets, created on the first write. A wrong key or an altered file is an error, never an empty store,
 * so a misconfigured host cannot quietly lose or overwrite the user's tokens.
 */
export class EncryptedFileSecrets implements SecretsPort {
  readonly kind = 'encrypted-file' as const;
  private readonly file: string;
  private readonly keyFile: string;
  private readonly passphrase: string | undefined;
  private readonly derived = new Map<string, Promise<Buffer>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EncryptedFileOptions) {
    this.file = join(options.dataDir, SECRETS_FILE);
    this.keyFile = join(options.dataDir, KEY_FILE);
    // An empty variable counts as unset, so `CADENCE_SECRETS_KEY= cmd` cannot mean "key is ''".
    this.passphrase = options.passphrase || (options.env ?? process.env)[SECRETS_KEY_ENV] || undefined;
  }

  get(key: string): Promise<string | null> {
    return this.exclusive(async () => (await this.read()).values.get(key) ?? null);
  }

  set(key: string, value: string): Promise<void> {
    return this.exclusive(async () => {
      const { values, header } = await this.read();
      values.set(key, value);
      await this.write(values, header);
    });
  }

  delete(key: string): Promise<boolean> {
    return this.exclusive(async () => {
      const { values, header } = await this.read();
      if (!values.delete(key)) return false;
      await this.write(values, header);
      return true;
    });
  }

  keys(): Promise<string[]> {
    return this.exclusive(async () => [...(await this.read()).values.keys()].sort());
  }

  // Serialises read-modify-write cycles so concurrent sets in this process never lose one.
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<{ values: Map<string, string>; header: Header | undefined }> {
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { values: new Map(), header: undefined };
      throw error;
    }
    const parsed = safeJson(raw);
    const stored = fileSchema.safeParse(parsed);
    if (!stored.success) throw new Error(`${this.file} is damaged or not a Cadence secrets file`);
    const { iv, tag, data, ...header } = stored.data;
    this.checkKeySource(header);
    const key = await this.keyFor(header, false);
    let plaintext: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAAD(aad(header));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      plaintext = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new Error(
        `Cannot decrypt ${this.file}: the key is wrong or the file was altered. ` +
          `Restore the original ${header.key === 'passphrase' ? SECRETS_KEY_ENV : this.keyFile}, or move the file aside to start over.`,
        { cause },
      );
    }
    const values = z.record(z.string(), z.string()).parse(JSON.parse(plaintext));
    return { values: new Map(Object.entries(values)), header };
  }

  private async write(values: Map<string, string>, previous: Header | undefined): Promise<void> {
    // Keep the salt of an existing file so the cached derived key stays valid.
    const header: Header = this.passphrase
      ? {
          format: 'cadence-secrets',
          version: 1,
          key: 'passphrase',
          salt: previous?.key === 'passphrase' && previous.salt ? previous.salt : randomBytes(16).toString('base64'),
          scrypt: previous?.key === 'passphrase' && previous.scrypt ? previous.scrypt : SCRYPT,
        }
      : { format: 'cadence-secrets', version: 1, key: 'file' };
    const key = await this.keyFor(header, true);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad(header));
    const data = Buffer.concat([cipher.update(JSON.stringify(Object.fromEntries(values)), 'utf8'), cipher.final()]);
    const body = {
      ...header,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
    await writeAtomically(this.file, JSON.stringify(body));
  }

  private checkKeySource(header: Header): void {
    if (header.key === 'passphrase' && !this.passphrase) {
      throw new Error(`${this.file} was encrypted with ${SECRETS_KEY_ENV}, which is not set now`);
    }
    if (header.key === 'file' && this.passphrase) {
      throw new Error(
        `${this.file} was encrypted with ${this.keyFile}, but ${SECRETS_KEY_ENV} is set; unset it to read it`,
      );
    }
  }

  private keyFor(header: Header, create: boolean): Promise<Buffer> {
    if (header.key === 'file') return this.readKeyFile(create);
    const salt = header.salt ?? '';
    let key = this.derived.get(salt);
    if (!key) {
      key = scrypt(this.passphrase ?? '', Buffer.from(salt, 'base64'), header.scrypt ?? SCRYPT);
      this.derived.set(salt, key);
      key.catch(() => this.derived.delete(salt));
    }
    return key;
  }

  private async readKeyFile(create: boolean): Promise<Buffer> {
    try {
      const key = await readFile(this.keyFile);
      if (key.length !== KEY_BYTES) throw new Error(`${this.keyFile} is damaged (expected ${KEY_BYTES} bytes)`);
      return key;
    } catch (error) {
      // Only a first write may create the key: a missing key beside an existing file means loss, not a fresh start.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (!create) {
        throw new Error(`${this.keyFile} is missing, so the secrets in ${this.file} cannot be read`, { cause: error });
      }
    }
    const key = randomBytes(KEY_BYTES);
    await mkdir(this.options.dataDir, { recursive: true });
    try {
      await writeFileSynced(this.keyFile, key, 'wx');
      return key;
    } catch (error) {
      // Another instance created it between our read and write: use theirs.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return this.readKeyFile(false);
      throw error;
    }
  }
}

function aad(header: Header): Buffer {
  const { format, version, key, salt, scrypt: params } = header;
  return Buffer.from(JSON.stringify({ format, version, key, salt, scrypt: params }), 'utf8');
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function scrypt(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

async function writeFileSynced(path: string, data: string | Buffer, flag: 'w' | 'wx'): Promise<void> {
  const handle = await open(path, flag, 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// A crash mid-write leaves the old file intact: rename is atomic within one folder.
async function writeAtomically(path: string, data: string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFileSynced(temp, data, 'wx');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
