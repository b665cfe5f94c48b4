import type { SecretsPort } from './types';

/** The part of keytar we use; a seam so tests can simulate a machine without a Secret Service. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

export interface KeychainOptions {
  /** Keychain service the entries are filed under; tests pass a throwaway name. */
  service?: string;
  load?: () => Promise<KeytarApi>;
}

// keytar is a native CommonJS module: its default export is the API when imported from ESM.
async function loadKeytar(): Promise<KeytarApi> {
  const loaded = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
  return loaded.default ?? loaded;
}

/**
 * Secrets in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux).
 * keytar is loaded on first use, not at import, so a machine without a keychain (or a native
 * module built for another ABI) reports a clear error from the call instead of crashing at start.
 */
export class KeychainSecrets implements SecretsPort {
  readonly kind = 'keychain' as const;
  private readonly service: string;
  private readonly load: () => Promise<KeytarApi>;
  private keytar: Promise<KeytarApi> | undefined;

  constructor(options: KeychainOptions = {}) {
    this.service = options.service ?? 'Cadence';
    this.load = options.load ?? loadKeytar;
  }

  get(key: string): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, key));
  }

  set(key: string, value: string): Promise<void> {
    // keytar rejects empty passwords with a vague message; say what is wrong instead.
    if (value === '') return Promise.reject(new Error('The OS keychain cannot store an empty secret'));
    return this.call((k) => k.setPassword(this.service, key, value));
  }

  delete(key: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, key));
  }

  async keys(): Promise<string[]> {
    // findCredentials also returns the passwords; only the account names leave this method.
    const credentials = await this.call((k) => k.findCredentials(this.service));
    return credentials.map((c) => c.account).sort();
  }

  private async call<T>(operation: (keytar: KeytarApi) => Promise<T>): Promise<T> {
    try {
      this.keytar ??= this.load();
      return await operation(await this.keytar);
    } catch (cause) {
      // A failed load is retried on the next call: the user may unlock or start the keyring.
      this.keytar = undefined;
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new Error(`The OS keychain is not available: ${reason}`, { cause });
    }
  }
}
