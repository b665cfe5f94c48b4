import {
  type GenerateRequest,
  type GenerateResult,
  LlmError,
  type LlmErrorKind,
  type LlmProvider,
  type ProviderId,
} from '../provider';

/** What a scripted provider does on one call; `call` counts from 1. */
export type Script = (request: GenerateRequest, call: number) => Promise<GenerateResult>;

/**
 * An LlmProvider for tests whose behaviour is a script, and which records every call it gets —
 * tests assert on `calls` and `countCalls` to prove a provider was (or was never) reached.
 */
export class ScriptedProvider implements LlmProvider {
  readonly calls: GenerateRequest[] = [];
  countCalls = 0;

  constructor(
    readonly id: ProviderId,
    readonly location: 'local' | 'cloud',
    private script: Script,
  ) {}

  /** Changes what later calls do. */
  behave(script: Script): this {
    this.script = script;
    return this;
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    this.calls.push(request);
    return this.script(request, this.calls.length);
  }

  async countTokens(_model: string, text: string): Promise<number> {
    this.countCalls += 1;
    return Math.ceil(text.length / 4);
  }

  async listModels() {
    return [];
  }

  async health() {
    return { ok: true, detail: 'scripted' };
  }
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new LlmError('cancelled', 'aborted'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new LlmError('cancelled', 'aborted'));
    });
  });

/** Streams `chunks` with a pause before each, honouring the signal like a real provider. */
export function answer(chunks: string[], options: { delayMs?: number; tokensIn?: number } = {}): Script {
  return async (request) => {
    const started = performance.now();
    let ttftMs: number | null = null;
    for (const chunk of chunks) {
      await sleep(options.delayMs ?? 1, request.signal);
      ttftMs ??= performance.now() - started;
      request.onToken?.(chunk);
    }
    return {
      text: chunks.join(''),
      tokensIn: options.tokensIn ?? 12,
      tokensOut: chunks.length,
      ttftMs,
      durationMs: performance.now() - started,
      finishReason: 'stop',
    };
  };
}

export function fail(kind: LlmErrorKind, options: { retryAfterMs?: number; provider?: ProviderId } = {}): Script {
  return async () => {
    throw new LlmError(kind, `scripted ${kind}`, options);
  };
}

/** Never answers; rejects only when aborted (a stuck model load). */
export function hang(): Script {
  return (request) => sleep(2 ** 30, request.signal).then(() => Promise.reject(new Error('unreachable')));
}

/** Never answers and ignores its signal (a provider with a bug). */
export function ignoreSignal(): Script {
  return () => new Promise<GenerateResult>(() => {});
}
