import type { HandlerSlice } from '../contract/handlers';
import type { AnalyticsDomain } from '../analytics/analytics.setup';
import type { DomainDeps } from '../domain-deps';

/** The reports domain as the core wires it: its handlers and its lifecycle. */
export interface ReportsDomain {
  handlers: HandlerSlice<'reports'>;
  /** Starts background work (timers); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createReports(deps: DomainDeps, analytics: AnalyticsDomain): ReportsDomain {
  void deps;
  void analytics;
  return { handlers: {}, start: () => undefined, close: async () => undefined };
}
