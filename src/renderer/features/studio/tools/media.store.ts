import { create } from 'zustand';
import type { MediaFinding, PostMediaItem } from '../../../../shared/domain/media';
import { errorMessage } from '../../../ui/errors';
import { readMediaFile } from './media-file';
import { addMediaFile, attachMedia, checkPostMedia, detachMedia, getThumbnail, listPostMedia } from './tool-queries';

interface PostMedia {
  items: PostMediaItem[];
  findings: MediaFinding[];
  /** Files being read or sent. */
  adding: number;
  error: string | null;
}

interface MediaState {
  byPost: Record<string, PostMedia>;
  /** data: URLs by media id, fetched once. */
  thumbnails: Record<string, string>;
  load: (postId: string) => Promise<void>;
  addFiles: (postId: string, files: readonly File[]) => Promise<void>;
  remove: (postId: string, mediaId: string) => Promise<void>;
}

const EMPTY: PostMedia = { items: [], findings: [], adding: 0, error: null };

/** Each post's attachments, their thumbnails and the platform media rules they break. */
export const useMedia = create<MediaState>()((set, get) => {
  const patch = (postId: string, entry: Partial<PostMedia>) =>
    set({ byPost: { ...get().byPost, [postId]: { ...(get().byPost[postId] ?? EMPTY), ...entry } } });

  const fetchThumbnails = async (items: PostMediaItem[]) => {
    for (const { media } of items) {
      if (!media.hasThumbnail || get().thumbnails[media.id]) continue;
      try {
        const thumb = await getThumbnail(media.id);
        set({ thumbnails: { ...get().thumbnails, [media.id]: `data:${thumb.mime};base64,${thumb.base64}` } });
      } catch {
        // The tile shows the file name instead.
      }
    }
  };

  const show = async (postId: string, items: PostMediaItem[]) => {
    patch(postId, { items });
    void fetchThumbnails(items);
    const check = await checkPostMedia(postId);
    patch(postId, { findings: check.findings });
  };

  return {
    byPost: {},
    thumbnails: {},
    load: async (postId) => {
      try {
        await show(postId, await listPostMedia(postId));
      } catch (error) {
        patch(postId, { error: errorMessage(error) });
      }
    },
    addFiles: async (postId, files) => {
      patch(postId, { adding: (get().byPost[postId]?.adding ?? 0) + files.length, error: null });
      for (const file of files) {
        try {
          const record = await addMediaFile(await readMediaFile(file));
          await show(postId, await attachMedia(postId, record.id));
        } catch (error) {
          patch(postId, { error: `${file.name}: ${errorMessage(error)}` });
        } finally {
          patch(postId, { adding: Math.max(0, (get().byPost[postId]?.adding ?? 1) - 1) });
        }
      }
    },
    remove: async (postId, mediaId) => {
      try {
        await show(postId, await detachMedia(postId, mediaId));
      } catch (error) {
        patch(postId, { error: errorMessage(error) });
      }
    },
  };
});

export function postMedia(state: MediaState, postId: string | null): PostMedia {
  return (postId && state.byPost[postId]) || EMPTY;
}
