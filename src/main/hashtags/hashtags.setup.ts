import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';

/** The hashtags domain as the core wires it: its handlers and its lifecycle. */
export interface HashtagsDomain {
  handlers: HandlerSlice<'hashtags'>;
  /** Starts background work (timers, resumed jobs); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createHashtags(deps: DomainDeps): HashtagsDomain {
  void deps;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
