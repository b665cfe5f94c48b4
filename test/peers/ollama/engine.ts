import type { Llama, LlamaGrammar, LlamaModel } from 'node-llama-cpp';

/** What a request asks of the engine, already translated from Ollama's `options`. */
export interface CompletionRequest {
  prompt: string;
  /** num_predict; undefined or negative means "until end of text or the context is full". */
  maxTokens: number | undefined;
  contextSize: number | undefined;
  temperature: number | undefined;
  seed: number | undefined;
  topK: number | undefined;
  topP: number | undefined;
  stop: string[];
  /** From grammarFor(format): Ollama's "json" or JSON-schema output, enforced while sampling. */
  grammar: LlamaGrammar | undefined;
  signal: AbortSignal;
  onText: (text: string) => void;
}

export interface CompletionResult {
  text: string;
  promptTokens: number;
  evalTokens: number;
  stopReason: 'stop' | 'length' | 'abort';
  loadNs: number;
  promptEvalNs: number;
  evalNs: number;
  /** Prompt and answer token ids: the deprecated `context` field of /api/generate. */
  tokens: number[];
}

/** A `format` Ollama would refuse with 400. */
export class InvalidFormatError extends Error {}

const INVALID_FORMAT = 'invalid format: expected "json" or a valid JSON schema';

// getLlama loads the native binding; it is a per-process singleton, so peers share it.
let llamaPromise: Promise<Llama> | null = null;

function sharedLlama(): Promise<Llama> {
  llamaPromise ??= import('node-llama-cpp').then(({ getLlama, LlamaLogLevel }) =>
    getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error }),
  );
  return llamaPromise;
}

/** num_ctx when the request gives none; clamped to what the model was trained on. */
const DEFAULT_CONTEXT = 2048;

/**
 * The real embedded engine behind the peer: node-llama-cpp running a GGUF file, loaded once
 * per peer on first use. One thread per context: on a small shared machine llama.cpp's spinning
 * worker threads fight each other and generation slows a hundredfold.
 */
export class PeerEngine {
  private readonly modelPath: string;
  private model: Promise<LlamaModel> | null = null;
  /** Generations and embeddings still running: dispose waits for them (a model freed under a running
   * completion makes node-llama-cpp reject "Object is disposed" outside any caller). */
  private readonly running = new Set<Promise<unknown>>();

  constructor(modelPath: string) {
    this.modelPath = modelPath;
  }

  /** Loads the model if needed; returns it and the nanoseconds this call spent loading. */
  async load(): Promise<{ model: LlamaModel; llama: Llama; loadNs: number }> {
    const started = process.hrtime.bigint();
    const first = this.model === null;
    this.model ??= sharedLlama().then((llama) => llama.loadModel({ modelPath: this.modelPath }));
    const [model, llama] = await Promise.all([this.model, sharedLlama()]);
    return { model, llama, loadNs: first ? Number(process.hrtime.bigint() - started) : 0 };
  }

  /** The grammar for Ollama's `format`; throws InvalidFormatError for what Ollama answers 400. */
  async grammarFor(format: unknown): Promise<LlamaGrammar | undefined> {
    if (format === undefined || format === null || format === '') return undefined;
    const isSchema = typeof format === 'object' && !Array.isArray(format);
    if (format !== 'json' && !isSchema) throw new InvalidFormatError(INVALID_FORMAT);
    const { llama } = await this.load();
    if (format === 'json') return llama.getGrammarFor('json');
    try {
      return await llama.createGrammarForJsonSchema(format as Parameters<Llama['createGrammarForJsonSchema']>[0]);
    } catch (error) {
      throw new InvalidFormatError(`${INVALID_FORMAT}: ${(error as Error).message}`);
    }
  }

  complete(request: CompletionRequest): Promise<CompletionResult> {
    return this.track(this.runCompletion(request));
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => undefined);
    return work;
  }

  private async runCompletion(request: CompletionRequest): Promise<CompletionResult> {
    const { model, loadNs } = await this.load();
    const { LlamaCompletion } = await import('node-llama-cpp');
    const contextSize = Math.min(request.contextSize ?? DEFAULT_CONTEXT, model.trainContextSize);
    const context = await model.createContext({ contextSize, threads: 1 });
    try {
      const tokens: number[] = model.tokenize(request.prompt).map(Number);
      const promptTokens = tokens.length;
      const room = Math.max(1, contextSize - promptTokens - 1);
      const wanted = request.maxTokens !== undefined && request.maxTokens >= 0 ? request.maxTokens : room;
      const completion = new LlamaCompletion({ contextSequence: context.getSequence() });
      const started = process.hrtime.bigint();
      let firstTokenAt: bigint | null = null;
      const { response, metadata } = await completion.generateCompletionWithMeta(request.prompt, {
        maxTokens: Math.min(wanted, room),
        temperature: request.temperature,
        seed: request.seed,
        topK: request.topK,
        topP: request.topP,
        grammar: request.grammar,
        customStopTriggers: request.stop.length > 0 ? request.stop : undefined,
        signal: request.signal,
        stopOnAbortSignal: true,
        onToken: (generated) => {
          firstTokenAt ??= process.hrtime.bigint();
          tokens.push(...generated.map(Number));
        },
        onTextChunk: (text) => request.onText(text),
      });
      const ended = process.hrtime.bigint();
      const firstAt: bigint = firstTokenAt ?? ended;
      const { stopReason } = metadata;
      return {
        text: response,
        promptTokens,
        evalTokens: tokens.length - promptTokens,
        stopReason: stopReason === 'abort' ? 'abort' : stopReason === 'maxTokens' ? 'length' : 'stop',
        loadNs,
        promptEvalNs: Number(firstAt - started),
        evalNs: Number(ended - firstAt),
        tokens,
      };
    } finally {
      await context.dispose();
    }
  }

  /** L2-normalised embeddings, one per input, as Ollama's /api/embed returns them. */
  embed(inputs: string[]): Promise<{ embeddings: number[][]; promptTokens: number; loadNs: number }> {
    return this.track(this.runEmbed(inputs));
  }

  private async runEmbed(inputs: string[]): Promise<{ embeddings: number[][]; promptTokens: number; loadNs: number }> {
    const { model, loadNs } = await this.load();
    const context = await model.createEmbeddingContext({ contextSize: DEFAULT_CONTEXT, threads: 1 });
    try {
      const embeddings: number[][] = [];
      let promptTokens = 0;
      for (const input of inputs) {
        promptTokens += model.tokenize(input).length;
        const { vector } = await context.getEmbeddingFor(input);
        const norm = Math.hypot(...vector) || 1;
        embeddings.push(vector.map((value) => value / norm));
      }
      return { embeddings, promptTokens, loadNs };
    } finally {
      await context.dispose();
    }
  }

  async dispose(): Promise<void> {
    await Promise.allSettled([...this.running]);
    const model = this.model;
    this.model = null;
    if (model) await (await model).dispose();
  }
}
