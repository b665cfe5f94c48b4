import type { ReplyEvent } from '../../../shared/workers/llm-protocol';
import type { LlmError } from '../provider';
import { fromWorkerError } from './embedded-errors';

/** One request waiting on the worker. */
export interface PendingRequest {
  /** Handles an event for this request; returns true when the request is finished. */
  onEvent(event: ReplyEvent): boolean;
  /** The worker died or was shut down before the request finished. */
  onWorkerLost(error: LlmError): void;
}

/** Correlates worker events with the requests that wait on them, by requestId. */
export class PendingRequests {
  private readonly requests = new Map<string, PendingRequest>();
  private sequence = 0;

  /** Ids only need to be unique per supervisor: a worker never outlives its pending requests. */
  nextId(): string {
    this.sequence += 1;
    return `r${this.sequence}`;
  }

  get size(): number {
    return this.requests.size;
  }

  ids(): string[] {
    return [...this.requests.keys()];
  }

  add(requestId: string, request: PendingRequest): void {
    this.requests.set(requestId, request);
  }

  delete(requestId: string): void {
    this.requests.delete(requestId);
  }

  /** Returns false for events nobody waits on (a reply that arrived after its request gave up). */
  dispatch(event: ReplyEvent): boolean {
    const request = this.requests.get(event.requestId);
    if (!request) return false;
    if (request.onEvent(event)) this.requests.delete(event.requestId);
    return true;
  }

  failAll(error: LlmError): void {
    const lost = [...this.requests.values()];
    this.requests.clear();
    for (const request of lost) request.onWorkerLost(error);
  }
}

/** A handler for a request answered by one event; `pick` returns undefined for events to ignore. */
export function replyHandler<T>(
  pick: (event: ReplyEvent) => T | undefined,
  resolve: (value: T) => void,
  reject: (error: Error) => void,
): PendingRequest {
  return {
    onEvent: (event) => {
      if (event.type === 'error') {
        reject(fromWorkerError(event));
        return true;
      }
      const value = pick(event);
      if (value !== undefined) resolve(value);
      return value !== undefined;
    },
    onWorkerLost: reject,
  };
}
