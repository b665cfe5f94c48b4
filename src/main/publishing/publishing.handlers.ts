import { ContractError } from '../../shared/contract/errors';
import type { HandlerSlice } from '../contract/handlers';
import type { MetricsCollector } from './metrics/metrics-collector';
import type { PublishingService } from './publishing.service';

/** Binds the publishing channels to the service; inputs arrive already validated. */
export function publishingHandlers(
  service: PublishingService,
  metrics: () => MetricsCollector | null = () => null,
): HandlerSlice<'publishing'> {
  return {
    'publishing:publish-now': async (input) => ({ jobs: await service.publishNow(input.postId, input.platforms) }),
    'publishing:enqueue': async (input) => ({ jobs: await service.enqueue(input.postId) }),
    'publishing:list-jobs': async (input) => ({ jobs: await service.listJobs(input) }),
    'publishing:get-job': (input) => service.getJob(input.jobId),
    'publishing:cancel-job': (input) => service.cancelJob(input.jobId),
    'publishing:resolve-missed': (input) => service.resolveMissed(input),
    'publishing:retry-job': (input) => service.retryJob(input.jobId, input.at),
    'publishing:refresh-metrics': async (input) => {
      const collector = metrics();
      if (!collector) throw new ContractError('UNAVAILABLE', 'Metrics need a connected account; none is attached yet.');
      return collector.refresh(input.postId);
    },
  };
}
