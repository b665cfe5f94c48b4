import type { HandlerSlice } from '../contract/handlers';
import type { QualityService } from './quality.service';

/** Binds the quality channels to the service; each handler only forwards its parsed input. */
export function qualityHandlers(quality: QualityService): HandlerSlice<'quality'> {
  return {
    'quality:score-post': (input) => quality.score(input),
    'quality:critique-post': (input) => quality.critique(input),
    'quality:fix-finding': (input) => quality.fix(input),
  };
}
