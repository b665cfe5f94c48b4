import type { AnalyticsDomain } from '../analytics/analytics.setup';
import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { planningHandlers } from './planning.handlers';
import { PlanningService } from './planning.service';

/** The planning domain as the core wires it: its handlers and its lifecycle. */
export interface PlanningDomain {
  service: PlanningService;
  handlers: HandlerSlice<'planning'>;
  /** Starts background work (none: planning computes on request); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

/** Planning reads best times and records A/B pairs through the analytics domain. */
export function createPlanning(deps: DomainDeps, analytics: AnalyticsDomain): PlanningDomain {
  const service = new PlanningService(deps, analytics.service);
  return { service, handlers: planningHandlers(service), start: () => undefined, close: async () => undefined };
}
