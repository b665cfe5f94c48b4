import type { HandlerSlice } from '../contract/handlers';
import type { MediaService } from './media.service';

/** Binds the media channels to the service. */
export function mediaHandlers(service: MediaService): HandlerSlice<'media'> {
  return {
    'media:add-file': (input) => service.addFile(input),
    'media:attach': (input) => service.attach(input),
    'media:detach': (input) => service.detach(input),
    'media:reorder': (input) => service.reorder(input),
    'media:set-alt-text': (input) => service.setAltText(input),
    'media:list-post-media': (input) => service.listForPost(input.postId),
    'media:get-thumbnail': (input) => service.thumbnail(input.mediaId),
    'media:check-post': (input) => service.checkPost(input.postId),
    'media:purge-unused': () => service.purgeUnused(),
  };
}
