import type { HandlerSlice } from '../contract/handlers';
import type { AnalyticsService } from './analytics.service';

/** Binds the analytics channels to the service; inputs arrive already validated. */
export function analyticsHandlers(service: AnalyticsService): HandlerSlice<'analytics'> {
  return {
    'analytics:get-overview': (input) => service.overview(input),
    'analytics:get-post-metrics': (input) => service.postMetrics(input.postId),
    'analytics:list-ab-pairs': () => service.listAbPairs(),
    'analytics:create-ab-pair': (input) => service.createAbPair(input),
    'analytics:delete-ab-pair': (input) => service.deleteAbPair(input.id),
    'analytics:get-success-factors': (input) => service.successFactors(input),
    'analytics:get-best-times': (input) => service.bestTimes(input.platform),
    'analytics:list-anomalies': (input) => service.listAnomalies(input),
    'analytics:dismiss-anomaly': (input) => service.dismissAnomaly(input.id),
  };
}
