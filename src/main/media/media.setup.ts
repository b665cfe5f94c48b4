import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';

/** The media domain as the core wires it: its handlers and its lifecycle. */
export interface MediaDomain {
  handlers: HandlerSlice<'media'>;
  /** Starts background work (timers, resumed jobs); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createMedia(deps: DomainDeps): MediaDomain {
  void deps;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
