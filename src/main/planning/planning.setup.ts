import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';

/** The planning domain as the core wires it: its handlers and its lifecycle. */
export interface PlanningDomain {
  handlers: HandlerSlice<'planning'>;
  /** Starts background work (timers, resumed jobs); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createPlanning(deps: DomainDeps): PlanningDomain {
  void deps;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
