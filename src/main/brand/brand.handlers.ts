import type { HandlerSlice } from '../contract/handlers';
import type { BrandService } from './brand.service';

/** Binds the brand channels to the service; each handler only forwards its parsed input. */
export function brandHandlers(brand: BrandService): HandlerSlice<'brand'> {
  return {
    'brand:get-voice': () => brand.getVoice(),
    'brand:learn-voice': ({ overwriteEdits }) => brand.learnVoice({ overwriteEdits: overwriteEdits ?? false }),
    'brand:save-voice': (changes) => brand.saveVoice(changes),
    'brand:preview-examples': ({ text, platform, k }) => brand.voiceGuide(text, platform, k ?? 3),
  };
}
