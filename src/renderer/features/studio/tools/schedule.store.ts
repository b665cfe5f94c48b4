import { create } from 'zustand';
import type { FreeSlot } from '../../../../shared/domain/planning';
import { errorMessage, isContractError } from '../../../ui/errors';
import type { PostEditor } from './post-editor';
import { scheduleNextFree } from './tool-queries';

interface ScheduleEntry {
  busy: boolean;
  slot: FreeSlot | null;
  scheduledAt: string | null;
  error: string | null;
}

interface ScheduleState {
  /** By post id, so every card keeps its own line. */
  byPost: Record<string, ScheduleEntry>;
  scheduleNext: (editor: PostEditor) => Promise<void>;
}

const IDLE: ScheduleEntry = { busy: false, slot: null, scheduledAt: null, error: null };

/** "Schedule to next free slot" for any editor: saves first, then lets planning pick the slot. */
export const useSchedule = create<ScheduleState>()((set, get) => {
  const patch = (postId: string, entry: Partial<ScheduleEntry>) =>
    set({ byPost: { ...get().byPost, [postId]: { ...(get().byPost[postId] ?? IDLE), ...entry } } });

  return {
    byPost: {},
    scheduleNext: async (editor) => {
      await editor.getState().flush();
      const { postId, version, save } = editor.getState();
      if (postId === null) return;
      if (save.status !== 'saved') {
        patch(postId, { error: 'Save the post first (see the save status)' });
        return;
      }
      patch(postId, { busy: true, error: null });
      try {
        const { post, slot } = await scheduleNextFree(postId, version ?? undefined);
        editor.getState().applyPost(post);
        patch(postId, { busy: false, slot, scheduledAt: post.scheduledAt });
      } catch (error) {
        const message = isContractError(error, 'CONFLICT')
          ? 'The post changed meanwhile; try again once it is saved'
          : errorMessage(error);
        patch(postId, { busy: false, error: message });
      }
    },
  };
});

export function scheduleEntry(state: ScheduleState, postId: string | null): ScheduleEntry {
  return (postId && state.byPost[postId]) || IDLE;
}
