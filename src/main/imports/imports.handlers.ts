import type { HandlerSlice } from '../contract/handlers';
import type { ImportsService } from './imports.service';

export function importsHandlers(service: ImportsService): HandlerSlice<'imports'> {
  return {
    'imports:preview-file': (input) => service.preview(input),
    'imports:import-file': (input) => service.importFile(input),
  };
}
