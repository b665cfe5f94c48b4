import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';

/** The bulk domain as the core wires it: its handlers and its lifecycle. */
export interface BulkDomain {
  handlers: HandlerSlice<'bulk'>;
  /** Starts background work (timers, resumed jobs); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createBulk(deps: DomainDeps): BulkDomain {
  void deps;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
