import {
  type GenerateRequest,
  type GenerateResult,
  LlmError,
  type LlmProvider,
  type ModelInfo,
  type ProviderHealth,
} from '../provider';
import { type CadenceCloudAccess, cadenceAiBaseUrl } from './cadence-cloud.access';
import { cadenceError } from './cadence-cloud.errors';
import type { CloudConnection } from './cloud-connection';
import type { ChatFlavour } from './openai-compatible.flavours';
import { OpenAiCompatibleProvider } from './openai-compatible.provider';
import { CADENCE_CLOUD } from './provider-catalog';
import { estimateTokens } from './token-estimate';

/** The proxy speaks OpenAI Chat Completions and passes strict schemas to an OpenAI upstream. */
const CADENCE_FLAVOUR: ChatFlavour = {
  id: CADENCE_CLOUD.id,
  displayName: CADENCE_CLOUD.displayName,
  defaultBaseURL: 'http://127.0.0.1:8787/v1/ai',
  maxTokensField: 'max_completion_tokens',
  strictSchemas: true,
};

/**
 * The Cadence sync service's cloud model as one more cloud provider. It reuses the OpenAI-compatible
 * provider against `<server>/v1/ai`, with the sync sign-in's access token in place of an API key
 * (read per call: a refreshed token or a sign-out applies at once). Privacy mode blocks it at the
 * gate like any provider whose location is 'cloud'.
 */
export class CadenceCloudProvider implements LlmProvider {
  readonly id = CADENCE_CLOUD.id;
  readonly location = 'cloud' as const;

  constructor(
    private readonly access: CadenceCloudAccess,
    /** Tests and proxies: fetch and timeout; the base URL always comes from the sign-in. */
    private readonly connection: Omit<CloudConnection, 'apiKey' | 'baseURL'> = {},
  ) {}

  /**
   * Whether someone is signed in to sync; without that the router skips this provider. A sign-in
   * whose token cannot be refreshed right now (offline) still counts: the call then fails as
   * transient, which tells the truth and lets the router move on.
   */
  async isSignedIn(): Promise<boolean> {
    try {
      return (await this.access()) !== null;
    } catch {
      return true;
    }
  }

  listModels(): Promise<ModelInfo[]> {
    return this.run((client) => client.listModels());
  }

  generate(request: GenerateRequest): Promise<GenerateResult> {
    return this.run((client) => client.generate(request));
  }

  /** An estimate, computed here: counting must not need the network or a sign-in. */
  async countTokens(_model: string, text: string): Promise<number> {
    return estimateTokens(text);
  }

  async health(): Promise<ProviderHealth> {
    try {
      await this.run((client) => client.checkKey());
      return { ok: true, detail: `${CADENCE_CLOUD.displayName} answered and accepted the sign-in.` };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  private async run<T>(call: (client: OpenAiCompatibleProvider) => Promise<T>): Promise<T> {
    const client = await this.client();
    try {
      return await call(client);
    } catch (error) {
      throw error instanceof LlmError ? cadenceError(error) : error;
    }
  }

  private async client(): Promise<OpenAiCompatibleProvider> {
    let access: Awaited<ReturnType<CadenceCloudAccess>>;
    try {
      access = await this.access();
    } catch (error) {
      // The session could not refresh its token (offline, server down): worth the next provider.
      const reason = error instanceof Error ? error.message : String(error);
      throw new LlmError(
        'transient',
        `${CADENCE_CLOUD.displayName}: the sync sign-in could not be refreshed (${reason}).`,
        {
          provider: this.id,
          cause: error,
        },
      );
    }
    if (!access) throw new LlmError('auth', CADENCE_CLOUD.signInMessage, { provider: this.id });
    return new OpenAiCompatibleProvider(CADENCE_FLAVOUR, {
      ...this.connection,
      apiKey: access.token,
      baseURL: cadenceAiBaseUrl(access.baseUrl),
    });
  }
}

/** The factory the core wires: the session's access function in, the provider out. */
export function createCadenceCloudProvider(
  access: CadenceCloudAccess,
  connection: Omit<CloudConnection, 'apiKey' | 'baseURL'> = {},
): CadenceCloudProvider {
  return new CadenceCloudProvider(access, connection);
}
