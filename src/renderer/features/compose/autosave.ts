import { errorMessage, fieldIssuesOf, isContractError, issuesByField } from '../../ui/errors';
import { draftContent, hasContent, sameContent } from './draft';
import { INITIAL_SAVE, type ComposeState, type SaveState } from './compose.types';
import { clearPending, writePending } from './pending';
import { createPost, updatePost } from './queries';

export const DEBOUNCE_MS = 600;
/** Waits between retries of a failed save; the last one repeats. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

/**
 * The part of an editor's state the save loop reads and writes. Compose's store has it, and so
 * does every draft card in the studio, so both save the same way.
 */
export type AutosaveFields = Pick<
  ComposeState,
  'load' | 'postId' | 'version' | 'draft' | 'saved' | 'save' | 'createdId'
>;

type Get = () => AutosaveFields;
type Set = (patch: Partial<AutosaveFields>) => void;

/**
 * The save loop behind Compose: one call in flight at a time, edits during a call trigger one
 * more save afterwards, failures retry with backoff, and a conflict stops saving until the user
 * chooses. Local storage holds the text until the core confirms it.
 */
export function createAutosave(get: Get, set: Set) {
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let inFlight: Promise<void> | null = null;
  let again = false;
  let session = 0;

  const patchSave = (patch: Partial<SaveState>) => set({ save: { ...get().save, ...patch } });

  const persist = () => {
    const { postId, version, draft } = get();
    writePending(localStorage, { postId, baseVersion: version, draft, updatedAt: new Date().toISOString() });
  };

  const schedule = (ms = DEBOUNCE_MS) => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void run(), ms);
  };

  const fail = (error: unknown) => {
    if (isContractError(error, 'CONFLICT')) {
      const details = error.details as { currentVersion?: unknown } | undefined;
      const version = typeof details?.currentVersion === 'number' ? details.currentVersion : null;
      patchSave({ status: 'conflict', conflictVersion: version, message: error.message });
    } else if (isContractError(error, 'VALIDATION_FAILED')) {
      const issues = fieldIssuesOf(error);
      patchSave({
        status: 'invalid',
        message: issues[0]?.message ?? error.message,
        fieldErrors: issuesByField(issues, 1),
      });
    } else if (isContractError(error, 'NOT_FOUND')) {
      patchSave({ status: 'invalid', message: 'This post no longer exists; copy your text before leaving' });
    } else {
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
      attempt += 1;
      patchSave({ status: 'retrying', message: errorMessage(error) });
      clearTimeout(retry);
      retry = setTimeout(() => void run(), delay);
    }
  };

  const send = async (mine: number) => {
    const state = get();
    const sent = state.draft;
    try {
      const post =
        state.postId === null || state.version === null
          ? await createPost(draftContent(sent))
          : await updatePost(state.postId, state.version, draftContent(sent));
      if (state.postId === null) clearPending(localStorage, null);
      if (mine !== session) return;
      attempt = 0;
      set({
        postId: post.id,
        version: post.version,
        saved: sent,
        save: { ...INITIAL_SAVE, status: 'saved', savedAt: post.updatedAt },
        ...(state.postId === null ? { createdId: post.id } : {}),
      });
      if (sameContent(get().draft, sent)) clearPending(localStorage, post.id);
      else {
        persist();
        patchSave({ status: 'pending' });
        again = true;
      }
    } catch (error) {
      if (mine === session) fail(error);
    }
  };

  const run = async (): Promise<void> => {
    clearTimeout(debounce);
    if (inFlight) {
      again = true;
      return inFlight;
    }
    const state = get();
    if (state.load.status !== 'ready' || state.save.status === 'conflict') return;
    if (state.postId === null && !hasContent(state.draft)) return;
    if (state.saved && sameContent(state.draft, state.saved)) {
      clearPending(localStorage, state.postId);
      patchSave({ status: 'saved', message: null, fieldErrors: {} });
      return;
    }
    clearTimeout(retry);
    patchSave({ status: 'saving', message: null, fieldErrors: {} });
    inFlight = send(session).finally(() => {
      inFlight = null;
    });
    await inFlight;
    if (again && get().save.status !== 'conflict') {
      again = false;
      schedule();
    }
  };

  return {
    /** Records an edit: stored locally at once, sent after the debounce (a new post at once). */
    edited: () => {
      persist();
      const { postId, draft, save } = get();
      if (save.status === 'conflict') return;
      if (postId === null) {
        if (hasContent(draft)) void run();
        return;
      }
      patchSave({ status: 'pending' });
      schedule();
    },
    saveSoon: (ms = DEBOUNCE_MS) => schedule(ms),
    saveNow: () => run(),
    /** Sends whatever waits and resolves once the core has answered (or given up for now). */
    flush: async () => {
      for (let round = 0; round < 3; round += 1) {
        if (inFlight) await inFlight;
        const status = get().save.status;
        if (status !== 'pending' && !(status === 'retrying' && round === 0)) return;
        again = false;
        await run();
      }
    },
    /** Starts a new editing session: timers stop and answers for the old one are ignored. */
    reset: () => {
      clearTimeout(debounce);
      clearTimeout(retry);
      attempt = 0;
      again = false;
      session += 1;
      return session;
    },
    isCurrent: (mine: number) => mine === session,
    isBusy: () => inFlight !== null,
  };
}

export type Autosave = ReturnType<typeof createAutosave>;
