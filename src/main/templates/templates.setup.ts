import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { templatesHandlers } from './templates.handlers';
import { TemplatesRepository } from './templates.repository';
import { TemplatesService } from './templates.service';

/** The templates domain as the core wires it: its service, handlers and lifecycle. */
export interface TemplatesDomain {
  /** get(id) and render(id, values) for drafting and bulk generation. */
  service: TemplatesService;
  handlers: HandlerSlice<'templates'>;
  /** Starts background work (none for templates); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createTemplates(deps: DomainDeps): TemplatesDomain {
  const service = new TemplatesService(new TemplatesRepository(deps.database), deps.ports.clock);
  return {
    service,
    handlers: templatesHandlers(service),
    start: () => undefined,
    close: async () => undefined,
  };
}
