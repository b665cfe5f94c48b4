import type { StoreApi } from 'zustand';
import type { ComposeState } from '../../compose/compose.types';

/**
 * What the post tools (counts, quality, hashtags, media, scheduling) need from an editor. Compose's
 * store has it, and so does every draft card in the studio, so the same panels serve both.
 */
export type PostEditorState = Pick<
  ComposeState,
  'postId' | 'version' | 'draft' | 'save' | 'timezone' | 'edit' | 'applyPost' | 'flush'
>;

/** A store holding a PostEditorState, read with zustand's `useStore(editor, selector)`. */
export type PostEditor = Pick<StoreApi<PostEditorState>, 'getState' | 'getInitialState' | 'subscribe'>;
