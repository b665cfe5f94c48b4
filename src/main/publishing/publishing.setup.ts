import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';

/** The publishing domain as the core wires it: its handlers and its lifecycle. */
export interface PublishingDomain {
  handlers: HandlerSlice<'publishing'>;
  /** Starts background work (timers, resumed jobs); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createPublishing(deps: DomainDeps): PublishingDomain {
  void deps;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
