import {
  type GenerateRequest,
  type GenerateResult,
  LlmError,
  type LlmProvider,
  type ModelInfo,
  type ProviderHealth,
  type ProviderId,
} from '../provider';

/** Builds the provider from the key saved right now (ProviderRegistry.provider), or null without one. */
export type CloudProviderSource = () => Promise<LlmProvider | null>;

/**
 * A cloud provider that looks its key up on every call, so the LlmService can be built once at
 * startup while the user saves, replaces or removes keys later. Always 'cloud': privacy mode
 * refuses it at the gate before the key is even read.
 */
export class KeyedCloudProvider implements LlmProvider {
  readonly location = 'cloud' as const;

  constructor(
    readonly id: ProviderId,
    private readonly source: CloudProviderSource,
  ) {}

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    return (await this.current()).generate(request);
  }

  async countTokens(model: string, text: string): Promise<number> {
    return (await this.current()).countTokens(model, text);
  }

  async listModels(): Promise<ModelInfo[]> {
    return (await this.current()).listModels();
  }

  async health(): Promise<ProviderHealth> {
    const provider = await this.source();
    return provider ? provider.health() : { ok: false, detail: `No API key is saved for ${this.id}.` };
  }

  private async current(): Promise<LlmProvider> {
    const provider = await this.source();
    if (!provider) throw new LlmError('auth', `No API key is saved for ${this.id}`, { provider: this.id });
    if (provider.location !== 'cloud' || provider.id !== this.id) {
      // A mix-up here could route a request to the wrong service; refuse rather than guess.
      throw new LlmError('invalid_request', `Expected the ${this.id} provider, got ${provider.id}`, {
        provider: this.id,
      });
    }
    return provider;
  }
}
