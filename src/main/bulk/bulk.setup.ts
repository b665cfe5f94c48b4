import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { bulkHandlers } from './bulk.handlers';
import { type BestTimesPort, type BulkOptions, BulkService } from './bulk.service';

/** The bulk domain as the core wires it: its handlers and its lifecycle. */
export interface BulkDomain {
  service: BulkService;
  handlers: HandlerSlice<'bulk'>;
  /** Resets interrupted items and resumes jobs that were running; the core calls it once after wiring. */
  start(): void;
  /** Aborts running generations without writing (their items are redone at the next start). */
  close(): Promise<void>;
}

/** `analytics` (the AnalyticsDomain) gives each platform's best hours for planned dates (09:00 without it). */
export function createBulk(
  deps: DomainDeps,
  analytics?: { service: { bestTimes: BestTimesPort } },
  options: Omit<BulkOptions, 'bestTimes'> = {},
): BulkDomain {
  const service = new BulkService(deps, {
    ...options,
    ...(analytics
      ? { bestTimes: (platform: Parameters<BestTimesPort>[0]) => analytics.service.bestTimes(platform) }
      : {}),
  });
  let recovering: Promise<void> = Promise.resolve();
  return {
    service,
    handlers: bulkHandlers(service),
    start: () => {
      recovering = service
        .recover()
        .catch((err: unknown) => deps.ports.logger.error({ err }, 'bulk: could not resume interrupted jobs'));
    },
    close: async () => {
      await recovering;
      await service.close();
    },
  };
}
