import type { HandlerSlice } from '../contract/handlers';
import type { AnalyticsDomain } from '../analytics/analytics.setup';
import type { DomainDeps } from '../domain-deps';

/** The coach domain as the core wires it: its handlers and its lifecycle. */
export interface CoachDomain {
  handlers: HandlerSlice<'coach'>;
  /** Starts background work (timers); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createCoach(deps: DomainDeps, analytics: AnalyticsDomain): CoachDomain {
  void deps;
  void analytics;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
