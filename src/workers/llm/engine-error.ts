import type { WorkerErrorKind } from '../../shared/workers/llm-protocol';

/** A failure the worker reports to main as an `error` event instead of crashing. */
export class EngineError extends Error {
  readonly kind: WorkerErrorKind;

  constructor(kind: WorkerErrorKind, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'EngineError';
    this.kind = kind;
  }
}

/** Anything thrown inside the engine, as an EngineError; unknown failures become 'internal'. */
export function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new EngineError('internal', message, { cause: error });
}
