import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Post } from '../../../shared/domain/post';
import type { DraftProgress, DraftStatus } from '../../../shared/domain/studio';
import { errorMessage } from '../../ui/errors';
import { createAutosave, type AutosaveFields } from '../compose/autosave';
import { INITIAL_SAVE } from '../compose/compose.types';
import { draftFromPost, emptyDraft, type Draft } from '../compose/draft';
import { clearPending } from '../compose/pending';
import { appendToken, applyShaping, editByHand, finishStream, restartStream, type CardText } from './card-stream';
import type { DraftSlot } from './draft-slots';
import { getPost } from './studio-queries';
import type { PostEditorState } from './tools/post-editor';

/** One draft card: its post (saved like Compose saves), its stream and what the server said. */
export interface DraftCardState extends AutosaveFields, PostEditorState {
  slot: DraftSlot;
  /** Where the draft's generation is; "queued" until the server starts it. */
  generation: DraftStatus;
  /** True once the creator changed the text themselves. */
  edited: boolean;
  /** Shaped text the server finished with, offered because the creator had edited. */
  shapedOffer: string | null;
  warnings: string[];
  error: string | null;
  /** The post exists on the core (after studio:draft-idea answered). */
  attachPost: (postId: string) => Promise<void>;
  token: (text: string) => void;
  /** A provider started; position > 0 is a fallback that replaces the failed one's text. */
  attempt: (position: number) => void;
  progress: (event: DraftProgress) => Promise<void>;
  applyShaping: () => void;
  /** Stops timers (the card is going away); what waits is saved first. */
  dispose: () => Promise<void>;
}

export type DraftCardStore = StoreApi<DraftCardState>;

const textOf = (s: DraftCardState): CardText => ({ body: s.draft.body, edited: s.edited, shapedOffer: s.shapedOffer });

/** A card for `slot`, saving through the same autosave loop as Compose. */
export function createDraftCard(slot: DraftSlot, timezone: string): DraftCardStore {
  return createStore<DraftCardState>()((set, get) => {
    const autosave = createAutosave(get, set);
    // The post id arrives with studio:draft-idea's answer; events can come before it.
    let attached!: (postId: string) => void;
    const postIdReady = new Promise<string>((resolve) => (attached = resolve));
    const setText = (text: CardText) =>
      set({ draft: { ...get().draft, body: text.body }, edited: text.edited, shapedOffer: text.shapedOffer });

    const showPost = (post: Post) => {
      autosave.reset();
      const fromCore = draftFromPost(post);
      clearPending(localStorage, post.id);
      set({
        postId: post.id,
        version: post.version,
        saved: fromCore,
        draft: fromCore,
        load: { status: 'ready' },
        save: { ...INITIAL_SAVE, status: 'saved', savedAt: post.updatedAt },
      });
    };

    /** The server finished: show its shaped text, or keep the creator's and offer it. */
    const finish = async (event: DraftProgress) => {
      const shaped = event.text ?? null;
      const postId = await postIdReady;
      if (event.saved && !get().edited) {
        showPost(await getPost(postId));
        return;
      }
      if (event.saved) {
        // The server saved just before the creator's first edit reached it: their text wins.
        await autosave.flush();
        const post = await getPost(postId);
        set({
          version: post.version,
          saved: draftFromPost(post),
          save: { ...get().save, status: 'pending', conflictVersion: null, message: null },
        });
        setText(finishStream(textOf(get()), shaped));
        await autosave.saveNow();
        return;
      }
      const before = textOf(get());
      const after = finishStream(before, shaped);
      setText(after);
      if (after.body !== before.body || (!before.edited && after.body.trim() !== '')) autosave.edited();
    };

    return {
      slot,
      load: { status: 'loading' },
      postId: null,
      version: null,
      draft: emptyDraft([slot.platform]),
      saved: null,
      save: INITIAL_SAVE,
      createdId: null,
      timezone,
      generation: 'queued',
      edited: false,
      shapedOffer: null,
      warnings: [],
      error: null,

      attachPost: async (postId) => {
        try {
          const post = await getPost(postId);
          const fromCore = draftFromPost(post);
          const { draft, edited } = get();
          set({
            postId,
            version: post.version,
            saved: fromCore,
            // A restored card (nothing streamed here yet) shows what the post holds.
            draft: { ...fromCore, body: draft.body === '' && !edited ? fromCore.body : draft.body },
            load: { status: 'ready' },
            save: { ...INITIAL_SAVE, status: 'saved', savedAt: post.updatedAt },
          });
          attached(postId);
          if (edited) autosave.saveSoon(0);
        } catch (error) {
          set({ load: { status: 'error', message: errorMessage(error) } });
        }
      },

      token: (text) => setText(appendToken(textOf(get()), text)),
      attempt: (position) => {
        if (position > 0) setText(restartStream(textOf(get())));
      },

      progress: async (event) => {
        set({
          generation: event.status,
          ...(event.warnings ? { warnings: event.warnings } : {}),
          error: event.status === 'failed' ? (event.error ?? 'The draft could not be written') : null,
        });
        if (event.status !== 'done' && event.status !== 'cancelled') return;
        try {
          await finish(event);
        } catch (error) {
          set({ error: `Could not load the finished draft: ${errorMessage(error)}` });
        }
      },

      edit: (patch: Partial<Draft>) => {
        const { draft } = get();
        if (patch.body !== undefined && patch.body !== draft.body) {
          const text = editByHand(textOf(get()), patch.body);
          set({ edited: text.edited });
        }
        set({ draft: { ...get().draft, ...patch } });
        autosave.edited();
      },

      applyShaping: () => {
        const before = textOf(get());
        const after = applyShaping(before);
        if (after === before) return;
        setText(after);
        autosave.edited();
      },

      applyPost: showPost,
      flush: () => autosave.flush(),
      dispose: async () => {
        await autosave.flush();
        autosave.reset();
      },
    };
  });
}
