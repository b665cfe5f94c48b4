import type { BrandService } from '../brand/brand.service';
import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import type { StudioBrand } from '../studio/studio.ports';
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

export interface BulkWiring extends Omit<BulkOptions, 'bestTimes' | 'voice'> {
  /** The BrandDomain: its voice guide (instructions + similar posts) goes into every item's prompt. */
  brand?: { service: Pick<BrandService, 'voiceGuide'> };
}

/**
 * `analytics` (the AnalyticsDomain) gives each platform's best hours for planned dates (09:00
 * without it); `brand` in the options applies the creator's voice to every generated item.
 */
export function createBulk(
  deps: DomainDeps,
  analytics?: { service: { bestTimes: BestTimesPort } },
  { brand, ...options }: BulkWiring = {},
): BulkDomain {
  const service = new BulkService(deps, {
    ...options,
    ...(brand ? { voice: voicePort(brand.service) } : {}),
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

/** The brand voice as a prompt takes it: instructions and the example posts' texts. */
function voicePort(brand: Pick<BrandService, 'voiceGuide'>): StudioBrand {
  return {
    voiceGuide: async (text, platform) => {
      const guide = await brand.voiceGuide(text, platform);
      return { instructions: guide.instructions, examples: guide.examples.map((example) => example.text) };
    },
  };
}
