import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { importsHandlers } from './imports.handlers';
import { ImportsService } from './imports.service';

/** The imports domain as the core wires it: its handlers and its lifecycle. */
export interface ImportsDomain {
  service: ImportsService;
  handlers: HandlerSlice<'imports'>;
  /** Starts background work (timers); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createImports(deps: DomainDeps): ImportsDomain {
  const service = new ImportsService(deps);
  return { service, handlers: importsHandlers(service), start: () => undefined, close: async () => undefined };
}
