import { create } from 'zustand';
import { errorMessage, isContractError } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { createAutosave } from './autosave';
import { INITIAL_SAVE, type ComposeState } from './compose.types';
import { draftFromPost, emptyDraft, hasContent, sameContent } from './draft';
import { clearPending, readPending } from './pending';
import { getPost, getProfile } from './queries';

/** The editor: the draft being typed, where it stands with the core, and how to get it there. */
export const useCompose = create<ComposeState>()((set, get) => {
  const autosave = createAutosave(get, set);

  const loadProfileDefaults = async () => {
    try {
      const profile = await getProfile();
      if (profile) set({ timezone: profile.timezone, defaultPlatforms: profile.platforms });
    } catch {
      // Defaults only; the editor works without them.
    }
  };

  const startSession = async (postId: string | null) => {
    await autosave.flush();
    const mine = autosave.reset();
    set({
      stale: false,
      createdId: null,
      load: { status: 'loading' },
      postId,
      version: null,
      saved: null,
      save: INITIAL_SAVE,
      recovered: false,
      draft: emptyDraft(),
    });
    return mine;
  };

  return {
    load: { status: 'loading' },
    postId: null,
    version: null,
    draft: emptyDraft(),
    saved: null,
    save: INITIAL_SAVE,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    defaultPlatforms: [],
    recovered: false,
    stale: false,
    createdId: null,

    openNew: async () => {
      const mine = await startSession(null);
      await loadProfileDefaults();
      if (!autosave.isCurrent(mine)) return;
      const pending = readPending(localStorage, null);
      const recovered = pending !== null && hasContent(pending.draft);
      set({
        load: { status: 'ready' },
        draft: recovered ? pending.draft : emptyDraft(get().defaultPlatforms),
        recovered,
      });
      if (recovered) void autosave.saveNow();
    },

    openPost: async (id) => {
      const current = get();
      const usable = current.load.status === 'ready' || current.load.status === 'loading';
      if (current.postId === id && usable && !current.stale) return;
      const mine = await startSession(id);
      try {
        const [post] = await Promise.all([getPost(id), loadProfileDefaults()]);
        if (!autosave.isCurrent(mine)) return;
        const fromCore = draftFromPost(post);
        const pending = readPending(localStorage, id);
        const recovered = pending !== null && !sameContent(pending.draft, fromCore);
        set({
          load: { status: 'ready' },
          version: post.version,
          saved: fromCore,
          draft: recovered ? pending.draft : fromCore,
          recovered,
          save: { ...INITIAL_SAVE, status: 'saved', savedAt: post.updatedAt },
        });
        if (!recovered) clearPending(localStorage, id);
        else if (pending.baseVersion === post.version) {
          set({ save: { ...get().save, status: 'pending' } });
          autosave.saveSoon(0);
        } else {
          const message = 'Unsaved text from an earlier session is shown, but the post has changed since';
          set({ save: { ...get().save, status: 'conflict', conflictVersion: post.version, message } });
        }
      } catch (error) {
        if (!autosave.isCurrent(mine)) return;
        const message = errorMessage(error);
        set({
          load: isContractError(error, 'NOT_FOUND') ? { status: 'missing', message } : { status: 'error', message },
        });
      }
    },

    edit: (patch) => {
      set({ draft: { ...get().draft, ...patch } });
      autosave.edited();
    },

    flush: () => autosave.flush(),

    leave: () => {
      set({ stale: true });
      void autosave.flush();
    },

    resolveConflict: async (choice) => {
      const { postId, draft, save } = get();
      if (postId === null) return;
      try {
        if (choice === 'overwrite') {
          const version = save.conflictVersion ?? (await getPost(postId)).version;
          set({ version, save: { ...INITIAL_SAVE, status: 'pending' } });
          await autosave.saveNow();
          return;
        }
        const post = await getPost(postId);
        get().applyPost(post);
        showToast({
          kind: 'info',
          message: 'Loaded the latest version. Your text was replaced.',
          action: { label: 'Copy my text', run: () => navigator.clipboard.writeText(draft.body) },
        });
      } catch (error) {
        showToast({ kind: 'error', message: errorMessage(error) });
      }
    },

    applyPost: (post) => {
      autosave.reset();
      const fromCore = draftFromPost(post);
      clearPending(localStorage, post.id);
      set({
        postId: post.id,
        version: post.version,
        saved: fromCore,
        draft: fromCore,
        recovered: false,
        load: { status: 'ready' },
        save: { ...INITIAL_SAVE, status: 'saved', savedAt: post.updatedAt },
      });
    },

    refreshFromCore: async () => {
      const { postId, save } = get();
      if (postId === null || save.status !== 'saved' || autosave.isBusy()) return;
      try {
        const post = await getPost(postId);
        const now = get();
        if (now.postId === postId && now.save.status === 'saved' && (now.version ?? 0) < post.version)
          get().applyPost(post);
      } catch {
        // A deleted post is reported when the user next saves.
      }
    },

    dismissRecovered: () => set({ recovered: false }),
    acknowledgeCreated: () => set({ createdId: null }),
  };
});
