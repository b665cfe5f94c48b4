import type { AnalyticsDomain } from '../analytics/analytics.setup';
import type { BrandDomain } from '../brand/brand.setup';
import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import type { TemplatesDomain } from '../templates/templates.setup';
import { createPageFetcher } from './link/fetch-page';
import { brandPort, templatesPort } from './neighbour-ports';
import { studioHandlers } from './studio.handlers';
import { StudioService } from './studio.service';

/** The studio domain as the core wires it: its service, handlers and lifecycle. */
export interface StudioDomain {
  service: StudioService;
  handlers: HandlerSlice<'studio'>;
  /** Starts background work (timers, resumed jobs); the core calls it once after wiring. */
  start(): void;
  /** Cancels running drafts and waits for them, so nothing writes after the database closes. */
  close(): Promise<void>;
}

export function createStudio(
  deps: DomainDeps,
  templates: TemplatesDomain,
  brand: BrandDomain,
  analytics: AnalyticsDomain,
): StudioDomain {
  const service = new StudioService({
    ...deps,
    templates: templatesPort(templates.service),
    brand: brandPort(brand.service),
    abPairs: analytics.service,
    fetchPage: createPageFetcher(),
  });
  return {
    service,
    handlers: studioHandlers(service),
    start: () => undefined,
    close: () => service.close(),
  };
}
