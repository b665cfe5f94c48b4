import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type * as NodeLlamaCpp from 'node-llama-cpp';
import type { Llama, LlamaContext, LlamaContextSequence, LlamaLogLevel, LlamaModel } from 'node-llama-cpp';
import type { LoadedModel, ModelSpec } from '../../shared/workers/llm-protocol';
import { EngineError } from './engine-error';

export type LlamaCppModule = typeof NodeLlamaCpp;

/** The model the worker keeps warm, with its one context and sequence. */
export interface LoadedHandle {
  /**
   * node-llama-cpp itself, imported on first load rather than at start: evaluating it blocks this
   * process for seconds on a busy machine, and a fresh engine should answer pings at once.
   */
  lib: LlamaCppModule;
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  sequence: LlamaContextSequence;
  info: LoadedModel;
}

export type NativeLog = (level: 'warn' | 'error', message: string) => void;

/**
 * Evaluation threads when the caller names none. llama.cpp's threads spin-wait on each other, so
 * oversubscribed cores cost far more than a thread is worth: on a busy 2-core machine stories260K
 * ran at ~1,300 tokens/s on one thread and ~110 on two. Leaving a core free keeps the UI responsive.
 */
export function defaultThreads(cpuMathCores: number): number {
  return Math.max(1, Math.min(cpuMathCores, availableParallelism() - 1));
}

/** Loads one GGUF at a time and keeps it warm until another is asked for or it is unloaded. */
export class ModelHost {
  private runtime: Promise<{ lib: LlamaCppModule; llama: Llama }> | null = null;
  private loaded: LoadedHandle | null = null;
  /** Native error lines seen during the current load; llama.cpp explains failures only there. */
  private loadErrors: string[] = [];

  constructor(private readonly log: NativeLog) {}

  get current(): LoadedHandle | null {
    return this.loaded;
  }

  /** Loads the model unless the same one with the same settings is already warm. */
  async load(request: ModelSpec): Promise<LoadedHandle> {
    const warm = this.loaded;
    if (warm && warm.info.modelPath === request.modelPath && this.matches(warm.info, request)) return warm;
    await this.unload();
    await assertModelFile(request.modelPath);

    const { lib, llama } = await this.start();
    const started = performance.now();
    this.loadErrors = [];
    let model: LlamaModel;
    try {
      model = await llama.loadModel({ modelPath: request.modelPath, gpuLayers: 0 });
    } catch (error) {
      const detail = this.loadErrors.at(-1) ?? (error instanceof Error ? error.message : String(error));
      throw new EngineError(
        'invalid_model',
        `Could not load ${basename(request.modelPath)}: it is not a valid or complete GGUF model (${detail.trim()})`,
        { cause: error },
      );
    }
    const threads = request.threads ?? defaultThreads(llama.cpuMathCores);
    try {
      const context = await model.createContext({
        contextSize: Math.min(request.contextSize, model.trainContextSize),
        threads,
        sequences: 1,
      });
      const info: LoadedModel = {
        modelPath: request.modelPath,
        contextSize: context.contextSize,
        trainContextSize: model.trainContextSize,
        sizeBytes: model.size,
        promptFormat: typeof model.fileInfo.metadata.tokenizer?.chat_template === 'string' ? 'chat' : 'text',
        threads,
        loadMs: performance.now() - started,
      };
      this.loaded = { lib, llama, model, context, sequence: context.getSequence(), info };
      return this.loaded;
    } catch (error) {
      await model.dispose();
      const message = error instanceof Error ? error.message : String(error);
      // Usually memory: the context's KV cache did not fit.
      throw new EngineError('internal', `Could not create a ${request.contextSize}-token context: ${message}`, {
        cause: error,
      });
    }
  }

  async unload(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = null;
    if (!loaded) return;
    await loaded.context.dispose();
    await loaded.model.dispose();
  }

  private matches(warm: LoadedModel, request: ModelSpec): boolean {
    const contextSize = Math.min(request.contextSize, warm.trainContextSize);
    return warm.contextSize === contextSize && (request.threads === undefined || request.threads === warm.threads);
  }

  private start(): Promise<{ lib: LlamaCppModule; llama: Llama }> {
    this.runtime ??= (async () => {
      const lib = await import('node-llama-cpp');
      const llama = await lib.getLlama({
        gpu: false,
        build: 'never',
        logLevel: lib.LlamaLogLevel.warn,
        logger: (level, message) => this.onNativeLog(level, message),
      });
      return { lib, llama };
    })().catch((error: unknown) => {
      this.runtime = null;
      const message = error instanceof Error ? error.message : String(error);
      throw new EngineError('internal', `The llama.cpp binaries could not start: ${message}`, { cause: error });
    });
    return this.runtime;
  }

  private onNativeLog(level: LlamaLogLevel, message: string): void {
    const isError = level === 'error' || level === 'fatal';
    if (isError) this.loadErrors.push(message);
    this.log(isError ? 'error' : 'warn', message.trim());
  }
}

async function assertModelFile(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new EngineError('invalid_model', `The model path is not a file: ${path}`);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw new EngineError('not_found', `Model file not found: ${path}`, { cause: error });
  }
}
