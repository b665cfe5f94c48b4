import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';

/** The templates domain as the core wires it: its handlers and its lifecycle. */
export interface TemplatesDomain {
  handlers: HandlerSlice<'templates'>;
  /** Starts background work (timers, resumed jobs); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createTemplates(deps: DomainDeps): TemplatesDomain {
  void deps;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
