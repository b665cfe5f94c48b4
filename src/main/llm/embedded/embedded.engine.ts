import type { DoneEvent, GenerateInput, LoadedModel, ModelSpec } from '../../../shared/workers/llm-protocol';
import { fromWorkerError } from './embedded-errors';
import type { EmbeddedSupervisor, RequestBuilder } from './embedded.supervisor';
import type { PendingRequest } from './pending-requests';

export interface EngineGenerateParams {
  model: ModelSpec;
  input: GenerateInput;
  maxTokens: number;
  temperature: number;
  jsonSchema?: Record<string, unknown>;
}

/** How a generation ended; the text itself went to onToken. */
export type EngineResult = Pick<DoneEvent, 'tokensIn' | 'tokensOut' | 'finishReason'>;

export interface EngineStream {
  /** Each piece of text as it is generated, with the number of tokens it stands for. */
  onToken?: (text: string, tokens: number) => void;
  /** Aborting sends a cancel to the worker, which stops within a few tokens. */
  signal?: AbortSignal;
}

/**
 * The typed requests of the embedded worker (src/shared/workers/llm-protocol.ts), sent through
 * the supervisor so they survive restarts. A cancelled generation resolves with finishReason
 * 'cancelled'; if the worker does not stop within `cancelGraceMs`, the supervisor replaces it.
 */
export class EmbeddedEngine {
  constructor(
    private readonly supervisor: EmbeddedSupervisor,
    private readonly cancelGraceMs = 5_000,
  ) {}

  async load(model: ModelSpec): Promise<LoadedModel> {
    this.supervisor.rememberModel(model);
    return this.supervisor.call(
      (requestId) => ({ type: 'load', requestId, model }),
      (event) => (event.type === 'loaded' ? event.model : undefined),
    );
  }

  async countTokens(model: ModelSpec, text: string): Promise<number> {
    this.supervisor.rememberModel(model);
    return this.supervisor.call(
      (requestId) => ({ type: 'countTokens', requestId, model, text }),
      (event) => (event.type === 'tokenCount' ? event.count : undefined),
    );
  }

  async unload(): Promise<void> {
    this.supervisor.rememberModel(null);
    await this.supervisor.call(
      (requestId) => ({ type: 'unload', requestId }),
      (event) => (event.type === 'unloaded' ? true : undefined),
    );
  }

  generate(params: EngineGenerateParams, stream: EngineStream = {}): Promise<EngineResult> {
    const { signal, onToken } = stream;
    const cancelled = (tokensOut: number): EngineResult => ({ tokensIn: 0, tokensOut, finishReason: 'cancelled' });
    if (signal?.aborted) return Promise.resolve(cancelled(0));
    this.supervisor.rememberModel(params.model);

    return new Promise<EngineResult>((resolve, reject) => {
      let requestId = '';
      let tokensOut = 0;
      let graceTimer: NodeJS.Timeout | undefined;
      const cancel = (): void => {
        if (!requestId || graceTimer) return;
        this.supervisor.notify({ type: 'cancel', requestId });
        graceTimer = setTimeout(
          () => this.supervisor.recycle(`a cancelled generation did not stop within ${this.cancelGraceMs} ms`),
          this.cancelGraceMs,
        );
      };
      const settle = (): void => {
        signal?.removeEventListener('abort', cancel);
        clearTimeout(graceTimer);
      };
      const handler: PendingRequest = {
        onEvent: (event) => {
          if (event.type === 'token') {
            tokensOut += event.tokens;
            try {
              onToken?.(event.text, event.tokens);
              return false;
            } catch (error) {
              // A failing consumer ends the generation rather than the process.
              cancel();
              settle();
              reject(error);
              return true;
            }
          }
          if (event.type === 'done') {
            resolve({ tokensIn: event.tokensIn, tokensOut: event.tokensOut, finishReason: event.finishReason });
          } else if (event.type === 'error') reject(fromWorkerError(event));
          else return false;
          settle();
          return true;
        },
        onWorkerLost: (error) => {
          settle();
          // The caller asked to stop and the work has stopped: that is a cancel, not a failure.
          if (signal?.aborted) resolve(cancelled(tokensOut));
          else reject(error);
        },
      };
      const build: RequestBuilder = (id) => {
        requestId = id;
        return { type: 'generate', requestId: id, ...params };
      };
      signal?.addEventListener('abort', cancel, { once: true });
      this.supervisor.open(build, handler).then(
        () => signal?.aborted && cancel(),
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
  }
}
