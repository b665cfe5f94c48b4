import type { HandlerSlice } from '../contract/handlers';
import type { HashtagsService } from './hashtags.service';

/** Binds the hashtags channels to the service; each handler only forwards its parsed input. */
export function hashtagsHandlers(hashtags: HashtagsService): HandlerSlice<'hashtags'> {
  return {
    'hashtags:recommend': (input) => hashtags.recommend(input),
  };
}
