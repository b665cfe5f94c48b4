import type { Logger } from '../../platform/logger/logger';
import type { SecretsPort } from '../../platform/secrets/types';
import { LlmError } from '../provider';
import type { CloudConnection } from './cloud-connection';
import { type CloudProvider, createCloudProvider } from './cloud-provider.factory';
import { CLOUD_PROVIDERS, type CloudProviderEntry, type CloudProviderId, cloudProviderEntry } from './provider-catalog';

export interface ProviderRegistryOptions {
  secrets: SecretsPort;
  logger: Logger;
  /** Base URL, fetch or timeout per provider (tests point them at protocol peers). */
  connections?: Partial<Record<CloudProviderId, Omit<CloudConnection, 'apiKey'>>>;
}

/**
 * The cloud providers the user can enable, and their API keys. A key is checked against the
 * provider before it is stored, stored only in the SecretsPort, and never written to a log.
 */
export class ProviderRegistry {
  private readonly logger: Logger;

  constructor(private readonly options: ProviderRegistryOptions) {
    this.logger = options.logger.child({ module: 'llm-providers' });
  }

  list(): readonly CloudProviderEntry[] {
    return CLOUD_PROVIDERS;
  }

  async hasApiKey(id: CloudProviderId): Promise<boolean> {
    return (await this.options.secrets.get(cloudProviderEntry(id).secretKey)) !== null;
  }

  /**
   * Checks `key` with the provider (a models list, or for Perplexity a 16-token run) and stores it
   * only if accepted. Throws LlmError: `auth` for a refused key, `invalid_request` for an empty one,
   * or the check's own failure (rate limit, network) — the key is not stored in any of these cases.
   */
  async saveApiKey(id: CloudProviderId, key: string): Promise<void> {
    const entry = cloudProviderEntry(id);
    const apiKey = key.trim();
    if (apiKey.length === 0 || /\s/.test(apiKey)) {
      throw new LlmError(
        'invalid_request',
        `That does not look like a ${entry.displayName} key: it is empty or contains spaces.`,
        {
          provider: id,
        },
      );
    }
    this.logger.info({ provider: id }, 'checking API key');
    try {
      await this.create(id, apiKey).checkKey();
    } catch (error) {
      const failure = error instanceof LlmError ? error : new LlmError('transient', String(error), { provider: id });
      this.logger.warn({ provider: id, kind: failure.kind }, 'API key not saved');
      const message =
        failure.kind === 'auth'
          ? `${failure.message} The key was not saved.`
          : `The ${entry.displayName} key could not be checked, so it was not saved: ${failure.message}`;
      throw new LlmError(failure.kind, message, { provider: id, retryAfterMs: failure.retryAfterMs, cause: failure });
    }
    await this.options.secrets.set(entry.secretKey, apiKey);
    this.logger.info({ provider: id }, 'API key checked and saved');
  }

  async removeApiKey(id: CloudProviderId): Promise<boolean> {
    const removed = await this.options.secrets.delete(cloudProviderEntry(id).secretKey);
    this.logger.info({ provider: id, removed }, 'API key removed');
    return removed;
  }

  /** The provider with its stored key, or null when the user has not saved one. */
  async provider(id: CloudProviderId): Promise<CloudProvider | null> {
    const apiKey = await this.options.secrets.get(cloudProviderEntry(id).secretKey);
    return apiKey === null ? null : this.create(id, apiKey);
  }

  private create(id: CloudProviderId, apiKey: string): CloudProvider {
    return createCloudProvider(id, { ...this.options.connections?.[id], apiKey });
  }
}
