import { create } from 'zustand';
import type { PostRevision } from '../../../shared/domain/post';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { useCompose } from './compose.store';
import { listRevisions, restoreRevision } from './queries';

interface RevisionsState {
  postId: string | null;
  items: PostRevision[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  restoringId: number | null;
  load: (postId: string) => Promise<void>;
  restore: (revision: PostRevision) => Promise<void>;
}

/** The revision history of the post open in Compose, and restoring one of them. */
export const useRevisions = create<RevisionsState>()((set, get) => ({
  postId: null,
  items: [],
  status: 'idle',
  error: null,
  restoringId: null,
  load: async (postId) => {
    const switching = get().postId !== postId;
    set({ postId, status: switching ? 'loading' : get().status, ...(switching ? { items: [] } : {}) });
    try {
      const items = await listRevisions(postId);
      if (get().postId === postId) set({ items, status: 'ready', error: null });
    } catch (error) {
      if (get().postId === postId) set({ status: 'error', error: errorMessage(error) });
    }
  },
  restore: async (revision) => {
    set({ restoringId: revision.id });
    try {
      // Unsaved edits are saved first, so they become a revision too and nothing is lost.
      await useCompose.getState().flush();
      const post = await restoreRevision(revision.postId, revision.id);
      useCompose.getState().applyPost(post);
      showToast({ kind: 'success', message: `Restored version ${revision.version}` });
      await get().load(revision.postId);
    } catch (error) {
      showToast({ kind: 'error', message: `Could not restore: ${errorMessage(error)}` });
    } finally {
      set({ restoringId: null });
    }
  },
}));
