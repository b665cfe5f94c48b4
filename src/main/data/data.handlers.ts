import type { HandlerSlice } from '../contract/handlers';
import type { DataService } from './data.service';

export function dataHandlers(data: DataService): HandlerSlice<'data'> {
  return {
    'data:export-all': () => data.exportAll(),
    'data:import-all': ({ document, mode }) => data.importAll(document, mode),
  };
}
