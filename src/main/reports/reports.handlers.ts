import type { HandlerSlice } from '../contract/handlers';
import type { ReportsService } from './reports.service';

/** Binds the reports channels to the service. */
export function reportsHandlers(service: ReportsService): HandlerSlice<'reports'> {
  return {
    'reports:generate-report': (input) => service.generate(input),
    'reports:list-reports': () => service.list(),
    'reports:get-report-file': (input) => service.getFile(input.id, input.format),
    'reports:delete-report': (input) => service.delete(input.id),
    'reports:get-schedule': () => service.getSchedule(),
    'reports:save-schedule': (input) => service.saveSchedule(input),
  };
}
