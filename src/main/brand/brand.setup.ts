import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';

/** The brand domain as the core wires it: its handlers and its lifecycle. */
export interface BrandDomain {
  handlers: HandlerSlice<'brand'>;
  /** Starts background work (timers, resumed jobs); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createBrand(deps: DomainDeps): BrandDomain {
  void deps;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
