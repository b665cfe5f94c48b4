import type { SecretsPort } from './types';

/** Secrets held in a Map: for tests and throwaway cores, so nothing touches the OS keychain or disk. */
export class MemorySecrets implements SecretsPort {
  readonly kind = 'memory' as const;
  private readonly values = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.values.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.values.delete(key);
  }

  async keys(): Promise<string[]> {
    return [...this.values.keys()].sort();
  }
}
