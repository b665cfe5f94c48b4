import type { HandlerSlice } from '../contract/handlers';
import type { StudioService } from './studio.service';

/** Binds the studio channels to the service; each handler only forwards its parsed input. */
export function studioHandlers(studio: StudioService): HandlerSlice<'studio'> {
  return {
    'studio:draft-idea': (input) => studio.draftIdea(input),
    'studio:cancel-drafts': ({ ideaId }) => studio.cancelDrafts(ideaId),
    'studio:get-idea': ({ ideaId }) => studio.getIdea(ideaId),
    'studio:list-ideas': ({ limit }) => studio.listIdeas(limit),
    'studio:mark-ab-pair': (input) => studio.markAbPair(input),
  };
}
