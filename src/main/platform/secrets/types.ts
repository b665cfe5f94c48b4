/**
 * Where tokens and API keys live. Never SQLite, logs or exports.
 * Implementations: OS keychain (desktop), encrypted file (headless host), memory (tests).
 */
export interface SecretsPort {
  readonly kind: 'keychain' | 'encrypted-file' | 'memory';
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Keys only, never values. */
  keys(): Promise<string[]>;
}
