import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';

/** The studio domain as the core wires it: its handlers and its lifecycle. */
export interface StudioDomain {
  handlers: HandlerSlice<'studio'>;
  /** Starts background work (timers, resumed jobs); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createStudio(deps: DomainDeps): StudioDomain {
  void deps;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
