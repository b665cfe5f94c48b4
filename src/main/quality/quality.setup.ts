import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { qualityHandlers } from './quality.handlers';
import { QualityService } from './quality.service';

/** The quality domain as the core wires it: its handlers and its lifecycle. */
export interface QualityDomain {
  service: QualityService;
  handlers: HandlerSlice<'quality'>;
  /** Listens for post changes (the duplicate index loads on first use). */
  start(): void;
  close(): Promise<void>;
}

export function createQuality(deps: DomainDeps): QualityDomain {
  const service = new QualityService(deps);
  let unsubscribe: (() => void) | null = null;
  return {
    service,
    handlers: qualityHandlers(service),
    start: () => {
      unsubscribe = deps.events.onAny((event) => {
        if (event === 'posts:changed') service.duplicates.markDirty();
      });
    },
    close: async () => {
      unsubscribe?.();
    },
  };
}
