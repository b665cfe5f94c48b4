import type { ModelSpec } from '../../../shared/workers/llm-protocol';
import type { GenerateRequest, GenerateResult, LlmProvider, ModelInfo, ProviderHealth } from '../provider';
import type { EmbeddedEngine } from './embedded.engine';
import type { EmbeddedSupervisor } from './embedded.supervisor';
import { type ModelCatalog, toModelInfo } from './model-catalog';

export interface EmbeddedProviderOptions {
  /** Tokens of context to allocate; capped at what the model was trained for. Default 4096. */
  contextSize?: number;
  /** Evaluation threads; by default the worker leaves one core for the rest of the app. */
  threads?: number;
  /** Used when a request names no maxTokens. Default 512. */
  defaultMaxTokens?: number;
  /** Milliseconds clock; tests may pin it. */
  now?: () => number;
}

/**
 * The embedded llama.cpp engine as an LlmProvider: runs GGUF files from the data folder on this
 * device, so it is the one engine that works with no Ollama and no network.
 */
export class EmbeddedProvider implements LlmProvider {
  readonly id = 'embedded' as const;
  readonly location = 'local' as const;
  private readonly now: () => number;

  constructor(
    private readonly engine: EmbeddedEngine,
    private readonly supervisor: EmbeddedSupervisor,
    private readonly catalog: ModelCatalog,
    private readonly options: EmbeddedProviderOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  async listModels(): Promise<ModelInfo[]> {
    return (await this.catalog.list()).map(toModelInfo);
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const started = this.now();
    const model = await this.specFor(request.model);
    let text = '';
    let ttftMs: number | null = null;
    const done = await this.engine.generate(
      {
        model,
        input: { kind: 'chat', messages: request.messages },
        maxTokens: request.maxTokens ?? this.options.defaultMaxTokens ?? 512,
        temperature: request.temperature ?? 0.7,
        ...(request.jsonSchema ? { jsonSchema: request.jsonSchema } : {}),
      },
      {
        ...(request.signal ? { signal: request.signal } : {}),
        onToken: (piece) => {
          if (piece === '') return;
          ttftMs ??= this.now() - started;
          text += piece;
          request.onToken?.(piece);
        },
      },
    );
    return {
      text,
      tokensIn: done.tokensIn,
      tokensOut: done.tokensOut,
      ttftMs,
      durationMs: this.now() - started,
      finishReason: done.finishReason,
    };
  }

  async countTokens(model: string, text: string): Promise<number> {
    return this.engine.countTokens(await this.specFor(model), text);
  }

  /** Healthy when the worker answers and there is a model to run. */
  async health(): Promise<ProviderHealth> {
    const engine = await this.supervisor.health();
    if (!engine.ok) return engine;
    const models = await this.catalog.list();
    if (models.length === 0) {
      return { ok: false, detail: 'No model file yet: download one or choose a .gguf file in Settings' };
    }
    return { ok: true, detail: `${engine.detail}; ${models.length} model file(s)` };
  }

  private async specFor(model: string): Promise<ModelSpec> {
    const entry = await this.catalog.resolve(model);
    return {
      modelPath: entry.path,
      contextSize: this.options.contextSize ?? 4096,
      ...(this.options.threads ? { threads: this.options.threads } : {}),
    };
  }
}
