import { create } from 'zustand';
import type { Platform } from '../../../../shared/domain/platform';
import { errorMessage } from '../../../ui/errors';
import { showToast } from '../../../ui/toasts.store';
import { useCompose } from '../compose.store';
import { describeDraftError, type DraftProblem } from './draft-errors';
import { applyAttempt, applyToken, EMPTY_STREAM, type StreamState } from './draft-stream';
import { insertDraft } from './insert';
import { buildDraftRequest } from './prompt';
import { cancelGeneration, generateDraft, onAttempt, onToken, rateGeneration } from './queries';

/** generating: tokens stream in; stopping: a cancel was sent; stopped: cancelled, text kept. */
export type DraftStatus = 'idle' | 'generating' | 'stopping' | 'done' | 'stopped' | 'error';

interface AiDraftState {
  open: boolean;
  topic: string;
  topicError: string | null;
  status: DraftStatus;
  stream: StreamState;
  problem: DraftProblem | null;
  usageId: number | null;
  rating: number | null;
  setOpen: (open: boolean) => void;
  setTopic: (topic: string) => void;
  /** Follows llm:token / llm:attempt while the panel is on screen; the cleanup stops a running draft. */
  attach: () => () => void;
  generate: (platforms: readonly Platform[]) => Promise<void>;
  stop: () => Promise<void>;
  /** Puts the draft into the post body through the compose store, so autosave runs. */
  insert: () => void;
  discard: () => void;
  rate: (rating: number) => Promise<void>;
}

const busy = (status: DraftStatus) => status === 'generating' || status === 'stopping';

/** The "Draft with AI" panel in Compose: one draft at a time, streamed, stoppable. */
export const useAiDraft = create<AiDraftState>()((set, get) => ({
  open: false,
  topic: '',
  topicError: null,
  status: 'idle',
  stream: EMPTY_STREAM,
  problem: null,
  usageId: null,
  rating: null,

  setOpen: (open) => set({ open }),
  setTopic: (topic) => set({ topic, topicError: null }),

  attach: () => {
    const offToken = onToken((event) => set({ stream: applyToken(get().stream, event) }));
    const offAttempt = onAttempt((event) => set({ stream: applyAttempt(get().stream, event) }));
    return () => {
      offToken();
      offAttempt();
      if (busy(get().status)) void get().stop();
    };
  },

  generate: async (platforms) => {
    if (busy(get().status)) return;
    const topic = get().topic.trim();
    if (!topic) return set({ topicError: 'Say what the post is about' });
    const requestId = crypto.randomUUID();
    set({ status: 'generating', stream: { ...EMPTY_STREAM, requestId }, problem: null, usageId: null, rating: null });
    try {
      const result = await generateDraft(requestId, buildDraftRequest(topic, platforms));
      if (get().stream.requestId !== requestId) return;
      set({
        status: result.finishReason === 'cancelled' ? 'stopped' : 'done',
        stream: {
          requestId,
          text: result.text,
          provider: result.provider ?? get().stream.provider,
          model: result.model ?? get().stream.model,
          fallback: (result.fallbackPosition ?? 0) > 0,
        },
        usageId: result.usageId,
      });
    } catch (error) {
      if (get().stream.requestId !== requestId) return;
      set({ status: 'error', problem: describeDraftError(error) });
    }
  },

  stop: async () => {
    const { status, stream } = get();
    if (status !== 'generating' || stream.requestId === null) return;
    set({ status: 'stopping' });
    try {
      await cancelGeneration(stream.requestId);
    } catch (error) {
      if (get().status === 'stopping') set({ status: 'generating' });
      showToast({ kind: 'error', message: `Could not stop the draft: ${errorMessage(error)}` });
    }
  },

  insert: () => {
    const text = get().stream.text;
    if (!text.trim() || busy(get().status)) return;
    const compose = useCompose.getState();
    compose.edit({ body: insertDraft(compose.draft.body, text) });
    showToast({ kind: 'success', message: 'Draft added to your post' });
  },

  discard: () => {
    if (busy(get().status)) return;
    set({ status: 'idle', stream: EMPTY_STREAM, problem: null, usageId: null, rating: null });
  },

  rate: async (rating) => {
    const usageId = get().usageId;
    if (usageId === null) return;
    const before = get().rating;
    set({ rating });
    try {
      await rateGeneration(usageId, rating);
    } catch (error) {
      set({ rating: before });
      showToast({ kind: 'error', message: `Could not save the rating: ${errorMessage(error)}` });
    }
  },
}));
