import { create } from 'zustand';
import type { HashtagRecommendation } from '../../../../shared/contract/hashtags';
import type { Platform } from '../../../../shared/domain/platform';
import { errorMessage } from '../../../ui/errors';
import { addHashtag } from './add-hashtag';
import type { PostEditor } from './post-editor';
import { qualityKey } from './quality.store';
import { recommendHashtags } from './tool-queries';

interface HashtagEntry {
  recommendation: HashtagRecommendation | null;
  loading: boolean;
  error: string | null;
}

interface HashtagsState {
  byKey: Record<string, HashtagEntry>;
  suggest: (editor: PostEditor, platform: Platform) => Promise<void>;
  /** Puts the tag into the post and takes it off the list. */
  add: (editor: PostEditor, platform: Platform, tag: string) => void;
}

const EMPTY: HashtagEntry = { recommendation: null, loading: false, error: null };

export function hashtagEntry(state: HashtagsState, key: string): HashtagEntry {
  return state.byKey[key] ?? EMPTY;
}

/** Hashtag suggestions per post and platform, each with its reasons. */
export const useHashtags = create<HashtagsState>()((set, get) => {
  const patch = (key: string, entry: Partial<HashtagEntry>) =>
    set({ byKey: { ...get().byKey, [key]: { ...(get().byKey[key] ?? EMPTY), ...entry } } });
  return {
    byKey: {},
    suggest: async (editor, platform) => {
      const { postId, draft } = editor.getState();
      const key = qualityKey(postId, platform);
      patch(key, { loading: true, error: null });
      try {
        patch(key, { recommendation: await recommendHashtags(draft.body, platform, postId) });
      } catch (error) {
        patch(key, { error: errorMessage(error) });
      } finally {
        patch(key, { loading: false });
      }
    },
    add: (editor, platform, tag) => {
      const { postId, draft, edit } = editor.getState();
      edit({ body: addHashtag(draft.body, tag) });
      const key = qualityKey(postId, platform);
      const current = get().byKey[key]?.recommendation;
      if (current) {
        patch(key, {
          recommendation: {
            ...current,
            suggestions: current.suggestions.filter((s) => s.tag !== tag),
            room: Math.max(0, current.room - 1),
          },
        });
      }
    },
  };
});
