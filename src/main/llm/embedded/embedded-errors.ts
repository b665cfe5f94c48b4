import type { ErrorEvent, WorkerErrorKind } from '../../../shared/workers/llm-protocol';
import { LlmError, type LlmErrorKind } from '../provider';

/**
 * How worker failures reach the router. A missing or unusable model file is 'not_found' /
 * 'provider_down' so the router falls back to the next provider; a bad schema or an oversized
 * prompt is the caller's to fix and is not retried elsewhere.
 */
const KIND_MAP: Record<WorkerErrorKind, LlmErrorKind> = {
  not_found: 'not_found',
  invalid_model: 'provider_down',
  invalid_request: 'invalid_request',
  context_too_long: 'context_too_long',
  internal: 'provider_down',
};

export function fromWorkerError(event: ErrorEvent): LlmError {
  return new LlmError(KIND_MAP[event.kind], event.message, { provider: 'embedded' });
}

/** In-flight work when the worker thread dies: worth retrying, here after the restart or elsewhere. */
export function engineStopped(detail: string): LlmError {
  return new LlmError('transient', `The embedded engine stopped (${detail}); it is restarting, so try again`, {
    provider: 'embedded',
  });
}

export function engineDown(detail: string): LlmError {
  return new LlmError('provider_down', `The embedded engine is not available: ${detail}`, { provider: 'embedded' });
}
