import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { AnalyticsService } from './analytics.service';

/** The analytics domain as the core wires it: its handlers and its lifecycle. */
export interface AnalyticsDomain {
  service: AnalyticsService;
  handlers: HandlerSlice<'analytics'>;
  /** Starts background work (timers); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createAnalytics(deps: DomainDeps): AnalyticsDomain {
  const service = new AnalyticsService(deps);
  return { service, handlers: {}, start: () => undefined, close: async () => undefined };
}
