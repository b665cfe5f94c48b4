import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';

/** The search domain as the core wires it: its handlers and its lifecycle. */
export interface SearchDomain {
  handlers: HandlerSlice<'search'>;
  /** Starts background work (timers, resumed jobs); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createSearch(deps: DomainDeps): SearchDomain {
  void deps;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
