import {
  type EmbedRequest,
  type EmbedResult,
  type GenerateRequest,
  type GenerateResult,
  LlmError,
  type LlmProvider,
  type ProviderId,
} from '../provider';

export interface ProviderInfo {
  id: ProviderId;
  location: 'local' | 'cloud';
}

/**
 * The only holder of the provider objects and so the only place a provider is called. Privacy
 * mode is checked here, on every call, against the saved policy (not a flag the caller passes),
 * so no code path can reach a cloud provider while "never leave this device" is on.
 */
export class ProviderGate {
  readonly #providers: ReadonlyMap<ProviderId, LlmProvider>;
  readonly #privacyMode: () => Promise<boolean>;

  constructor(providers: Partial<Record<ProviderId, LlmProvider>>, privacyMode: () => Promise<boolean>) {
    // Copied so that changing the caller's object later cannot slip a provider past the gate.
    const entries = Object.entries(providers).filter((e): e is [ProviderId, LlmProvider] => e[1] !== undefined);
    this.#providers = new Map(entries);
    this.#privacyMode = privacyMode;
  }

  info(id: ProviderId): ProviderInfo | null {
    const provider = this.#providers.get(id);
    return provider ? { id, location: provider.location } : null;
  }

  list(): ProviderInfo[] {
    return [...this.#providers.values()].map((p) => ({ id: p.id, location: p.location }));
  }

  async generate(id: ProviderId, request: GenerateRequest): Promise<GenerateResult> {
    const provider = this.require(id);
    await this.assertMayLeave(provider);
    return provider.generate(request);
  }

  /** Guarded like generate: embedding a text with a cloud model sends the text away. */
  async embed(id: ProviderId, request: EmbedRequest): Promise<EmbedResult> {
    const provider = this.require(id);
    await this.assertMayLeave(provider);
    if (!provider.embed) {
      throw new LlmError('not_found', `${id} cannot make embeddings here`, { provider: id });
    }
    return provider.embed(request);
  }

  /** Guarded too: some providers count tokens through their API (a request that leaves). */
  async countTokens(id: ProviderId, model: string, text: string): Promise<number> {
    const provider = this.require(id);
    await this.assertMayLeave(provider);
    return provider.countTokens(model, text);
  }

  private require(id: ProviderId): LlmProvider {
    const provider = this.#providers.get(id);
    if (!provider) throw new LlmError('not_found', `The ${id} provider is not set up`, { provider: id });
    return provider;
  }

  private async assertMayLeave(provider: LlmProvider): Promise<void> {
    // Anything not positively local counts as leaving the device.
    if (provider.location !== 'local' && (await this.#privacyMode())) {
      throw new LlmError('privacy_blocked', `Privacy mode is on, so nothing is sent to ${provider.id}`, {
        provider: provider.id,
      });
    }
  }
}
