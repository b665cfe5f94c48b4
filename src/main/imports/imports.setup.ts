import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';

/** The imports domain as the core wires it: its handlers and its lifecycle. */
export interface ImportsDomain {
  handlers: HandlerSlice<'imports'>;
  /** Starts background work (timers); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createImports(deps: DomainDeps): ImportsDomain {
  void deps;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
