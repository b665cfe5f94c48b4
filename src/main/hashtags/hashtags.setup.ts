import type { AnalyticsDomain } from '../analytics/analytics.setup';
import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { hashtagsHandlers } from './hashtags.handlers';
import { HashtagsService } from './hashtags.service';

/** The hashtags domain as the core wires it: its handlers and its lifecycle. */
export interface HashtagsDomain {
  service: HashtagsService;
  handlers: HandlerSlice<'hashtags'>;
  /** Starts background work (none). */
  start(): void;
  close(): Promise<void>;
}

export function createHashtags(deps: DomainDeps, analytics: AnalyticsDomain): HashtagsDomain {
  const service = new HashtagsService(deps, analytics.service);
  return { service, handlers: hashtagsHandlers(service), start: () => undefined, close: async () => undefined };
}
