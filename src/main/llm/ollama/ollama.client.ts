import { Ollama, type ModelDetails } from 'ollama';
import type { ModelInfo } from '../provider';
import { toLlmError } from './ollama.errors';
import { fetchWithTimeout } from './ollama.fetch';

export interface OllamaClientOptions {
  /** Base URL, e.g. from discoverServer() or the supervisor. */
  url: string;
  /** Limit for plain calls (list, show, ...); streamed calls are bounded by their signal. */
  requestTimeoutMs?: number;
}

/** A model as /api/show describes it, with what fit checks and the router need. */
export interface OllamaModelDetails extends ModelInfo {
  family: string | undefined;
  capabilities: string[];
}

/** A model loaded in memory (/api/ps). */
export interface RunningModel {
  id: string;
  sizeBytes: number;
  /** Bytes in GPU memory; 0 when it runs on the CPU. */
  vramBytes: number;
  expiresAt: string;
}

function modelInfoFrom(id: string, size: number | undefined, details: Partial<ModelDetails> | undefined): ModelInfo {
  return {
    id,
    provider: 'ollama',
    sizeBytes: size,
    parameterSize: details?.parameter_size || undefined,
    quantization: details?.quantization_level || undefined,
  };
}

/**
 * The context length from /api/show's model_info, keyed "<architecture>.context_length"
 * (e.g. "llama.context_length"); the architecture's own key wins over any other match.
 */
export function contextLengthOf(modelInfo: Record<string, unknown> | undefined): number | undefined {
  if (!modelInfo) return undefined;
  const architecture = modelInfo['general.architecture'];
  const preferred = typeof architecture === 'string' ? modelInfo[`${architecture}.context_length`] : undefined;
  const value = preferred ?? Object.entries(modelInfo).find(([key]) => key.endsWith('.context_length'))?.[1];
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/**
 * Ollama's HTTP API through the official `ollama` client, with every failure turned into an
 * LlmError. Streamed calls get a client bound to the caller's signal (see api()).
 */
export class OllamaClient {
  readonly url: string;
  private readonly plain: Ollama;

  constructor(options: OllamaClientOptions) {
    this.url = options.url;
    this.plain = new Ollama({ host: options.url, fetch: fetchWithTimeout(options.requestTimeoutMs ?? 10_000) });
  }

  /**
   * The raw client. With a signal, the signal is joined to every request it makes: ollama-js
   * can only abort a stream once the response has started, but Ollama loads the model before
   * answering, so a cancel during a long load must reach fetch itself.
   */
  api(signal?: AbortSignal): Ollama {
    if (!signal) return this.plain;
    const bound: typeof fetch = (input, init) =>
      fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
    return new Ollama({ host: this.url, fetch: bound });
  }

  async version(): Promise<string> {
    return this.call(undefined, async () => (await this.plain.version()).version);
  }

  /** Installed models with their download size, parameter size and quantisation. */
  async list(): Promise<ModelInfo[]> {
    return this.call(undefined, async () => {
      const { models } = await this.plain.list();
      return models.map((model) => modelInfoFrom(model.name, model.size, model.details));
    });
  }

  async show(model: string): Promise<OllamaModelDetails> {
    return this.call(model, async () => {
      const response = await this.plain.show({ model });
      // Typed as a Map by ollama-js, but JSON gives a plain object.
      const info = response.model_info as unknown as Record<string, unknown> | undefined;
      return {
        ...modelInfoFrom(model, undefined, response.details),
        contextLength: contextLengthOf(info),
        family: response.details?.family || undefined,
        capabilities: response.capabilities ?? [],
      };
    });
  }

  async ps(): Promise<RunningModel[]> {
    return this.call(undefined, async () => {
      const { models } = await this.plain.ps();
      return models.map((model) => ({
        id: model.name,
        sizeBytes: model.size,
        vramBytes: model.size_vram ?? 0,
        expiresAt: String(model.expires_at),
      }));
    });
  }

  async delete(model: string): Promise<void> {
    await this.call(model, () => this.plain.delete({ model }));
  }

  /** One vector per input; `keepAlive` as Ollama reads it ("10m", seconds, -1 = stay loaded). */
  async embed(model: string, input: string[], keepAlive?: string | number): Promise<number[][]> {
    return this.call(model, async () => (await this.plain.embed({ model, input, keep_alive: keepAlive })).embeddings);
  }

  private async call<T>(model: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toLlmError(error, { url: this.url, model });
    }
  }
}
