import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';

/** The quality domain as the core wires it: its handlers and its lifecycle. */
export interface QualityDomain {
  handlers: HandlerSlice<'quality'>;
  /** Starts background work (timers, resumed jobs); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createQuality(deps: DomainDeps): QualityDomain {
  void deps;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
