import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { brandHandlers } from './brand.handlers';
import { BrandService } from './brand.service';
import type { SimilarPostsFn } from './example-picker';
import { VoiceRepository } from './voice.repository';

export type { SimilarPostsFn } from './example-picker';

/** The brand domain as the core wires it: its service, handlers and lifecycle. */
export interface BrandDomain {
  /** voiceGuide(text, platform, k) for drafting. */
  service: BrandService;
  handlers: HandlerSlice<'brand'>;
  /** Starts background work (none for brand); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

/**
 * `similar`, when given (the search domain's semantic neighbours), picks few-shot examples by
 * meaning; without it, or when it fails, examples come from full-text search (bm25).
 */
export function createBrand(deps: DomainDeps, similar?: SimilarPostsFn): BrandDomain {
  const service = new BrandService(new VoiceRepository(deps.database), deps.ports.clock, similar);
  return { service, handlers: brandHandlers(service), start: () => undefined, close: async () => undefined };
}
