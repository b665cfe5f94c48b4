import type { HandlerSlice } from '../contract/handlers';
import type { BulkService } from './bulk.service';

/** Binds the bulk channels to the service; each handler only forwards its parsed input. */
export function bulkHandlers(bulk: BulkService): HandlerSlice<'bulk'> {
  return {
    'bulk:plan': (input) => bulk.plan(input),
    'bulk:update-item': (input) => bulk.updateItem(input),
    'bulk:start': ({ jobId }) => bulk.start(jobId),
    'bulk:pause': ({ jobId }) => bulk.pause(jobId),
    'bulk:resume': ({ jobId }) => bulk.resume(jobId),
    'bulk:cancel': ({ jobId }) => bulk.cancel(jobId),
    'bulk:retry-failed': ({ jobId }) => bulk.retryFailed(jobId),
    'bulk:get-job': ({ jobId }) => bulk.getJob(jobId),
    'bulk:list-jobs': () => bulk.listJobs(),
  };
}
