import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { searchHandlers } from './search.handlers';
import { SearchIndexer, type SearchIndexerOptions } from './search-indexer';
import { SearchService } from './search.service';

/** The search domain as the core wires it: its handlers and its lifecycle. */
export interface SearchDomain {
  service: SearchService;
  indexer: SearchIndexer;
  handlers: HandlerSlice<'search'>;
  /** Starts background indexing; the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createSearch(deps: DomainDeps, options: SearchIndexerOptions = {}): SearchDomain {
  const { ports, database, llm, posts, events } = deps;
  const service = new SearchService({ database, llm, posts, logger: ports.logger });
  const indexer = new SearchIndexer(
    {
      database,
      llm,
      events,
      clock: ports.clock,
      logger: ports.logger,
      repository: service.repository,
      onModel: (model, provider) => service.noteModel(model, provider),
      activeModel: () => service.activeModel(),
    },
    options,
  );
  service.indexer = indexer;
  return {
    service,
    indexer,
    handlers: searchHandlers(service),
    start: () => indexer.start(),
    close: () => indexer.close(),
  };
}
