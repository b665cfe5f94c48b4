import type {
  EmbedRequest,
  EmbedResult,
  GenerateRequest,
  GenerateResult,
  LlmProvider,
  ModelInfo,
  ProviderHealth,
} from '../provider';
import { streamChat } from './ollama.chat';
import { OllamaClient } from './ollama.client';
import { toLlmError } from './ollama.errors';

export interface OllamaProviderOptions {
  /** A client, or the base URL to build one for. */
  client: OllamaClient | string;
  /** keep_alive sent with every generation; Ollama's own default is 5 minutes. */
  keepAlive?: string | number;
}

/** The managed or user-run Ollama as an LlmProvider: local, so allowed in privacy mode. */
export class OllamaProvider implements LlmProvider {
  readonly id = 'ollama' as const;
  readonly location = 'local' as const;
  readonly client: OllamaClient;
  private readonly keepAlive: string | number | undefined;

  constructor(options: OllamaProviderOptions) {
    this.client = typeof options.client === 'string' ? new OllamaClient({ url: options.client }) : options.client;
    this.keepAlive = options.keepAlive;
  }

  /** Installed models; the context length comes from /api/show, skipped for a model that fails it. */
  async listModels(): Promise<ModelInfo[]> {
    const models = await this.client.list();
    return Promise.all(
      models.map(async (model) => {
        const contextLength = await this.client.show(model.id).then(
          (details) => details.contextLength,
          () => undefined,
        );
        return { ...model, contextLength };
      }),
    );
  }

  generate(request: GenerateRequest): Promise<GenerateResult> {
    return streamChat(this.client, request, { keepAlive: this.keepAlive });
  }

  /** Ollama's /api/embed; the signal reaches fetch, so a cancel during a model load stops it too. */
  async embed(request: EmbedRequest): Promise<EmbedResult> {
    const started = performance.now();
    try {
      const response = await this.client
        .api(request.signal)
        .embed({ model: request.model, input: request.texts, keep_alive: this.keepAlive });
      return {
        vectors: response.embeddings,
        tokensIn: response.prompt_eval_count ?? 0,
        durationMs: performance.now() - started,
      };
    } catch (error) {
      throw toLlmError(error, { url: this.client.url, model: request.model });
    }
  }

  /**
   * An estimate (about four characters a token for English with llama-family tokenizers):
   * Ollama has no tokenize endpoint, and asking it to evaluate the text would load the model.
   */
  async countTokens(_model: string, text: string): Promise<number> {
    return Math.ceil(text.length / 4);
  }

  async health(): Promise<ProviderHealth> {
    try {
      return { ok: true, detail: `Ollama ${await this.client.version()} at ${this.client.url}` };
    } catch (error) {
      return { ok: false, detail: toLlmError(error, { url: this.client.url }).message };
    }
  }
}
