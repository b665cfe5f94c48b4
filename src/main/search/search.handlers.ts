import type { HandlerSlice } from '../contract/handlers';
import type { SearchService } from './search.service';

/** Binds the search channels to the service. */
export function searchHandlers(service: SearchService): HandlerSlice<'search'> {
  return {
    'search:search-library': (input) => service.searchLibrary(input),
    'search:get-status': () => service.status(),
  };
}
