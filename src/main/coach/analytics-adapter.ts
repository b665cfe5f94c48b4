import type { Platform } from '../../shared/domain/platform';
import type { AnalyticsService } from '../analytics/analytics.service';
import type { CoachAnalyticsPort } from './coach-analytics.port';

/** The AnalyticsService narrowed to what the coach reads. */
export function analyticsPort(service: AnalyticsService): CoachAnalyticsPort {
  return {
    async successFactors() {
      const result = await service.successFactors({});
      if (result.kind === 'insufficient') return { available: false, reason: result.insufficient, factors: [] };
      return { available: true, reason: null, factors: result.factors };
    },
    async bestTimes(platform: Platform) {
      return (await service.bestTimes(platform)).slots;
    },
  };
}
