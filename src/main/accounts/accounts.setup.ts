import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';

/** The accounts domain as the core wires it: its handlers and its lifecycle. */
export interface AccountsDomain {
  handlers: HandlerSlice<'accounts'>;
  /** Starts background work (timers, resumed jobs); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createAccounts(deps: DomainDeps): AccountsDomain {
  void deps;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
