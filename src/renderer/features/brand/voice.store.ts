import { create } from 'zustand';
import type { VoiceGuide, VoiceState } from '../../../shared/domain/brand';
import type { Platform } from '../../../shared/domain/platform';
import { errorMessage, fieldIssuesOf, issuesByField } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { fetchPlatforms, fetchVoice, learnVoice, previewExamples, saveVoice } from './queries';
import { changedFields, toVoiceForm, type VoiceForm } from './voice-form';

interface VoiceStore {
  load: 'loading' | 'ready' | 'error';
  error: string | null;
  state: VoiceState | null;
  form: VoiceForm;
  /** Server messages by field ("tone", "emoji", "notes", …). */
  fieldErrors: Record<string, string>;
  saving: boolean;
  learning: boolean;
  overwriteEdits: boolean;
  platforms: Platform[];
  sample: string;
  samplePlatform: Platform | null;
  guide: VoiceGuide | null;
  previewing: boolean;
  previewError: string | null;

  start: () => Promise<void>;
  setForm: (patch: Partial<VoiceForm>) => void;
  save: () => Promise<void>;
  learn: () => Promise<void>;
  setOverwriteEdits: (value: boolean) => void;
  setSample: (patch: { sample?: string; samplePlatform?: Platform | null }) => void;
  preview: () => Promise<void>;
}

export const useVoice = create<VoiceStore>()((set, get) => ({
  load: 'loading',
  error: null,
  state: null,
  form: toVoiceForm(null),
  fieldErrors: {},
  saving: false,
  learning: false,
  overwriteEdits: false,
  platforms: [],
  sample: '',
  samplePlatform: null,
  guide: null,
  previewing: false,
  previewError: null,

  start: async () => {
    try {
      const [state, platforms] = await Promise.all([fetchVoice(), fetchPlatforms()]);
      set({ state, platforms, form: toVoiceForm(state.voice), load: 'ready', error: null });
    } catch (error) {
      set({ load: 'error', error: errorMessage(error) });
    }
  },

  setForm: (patch) => set({ form: { ...get().form, ...patch }, fieldErrors: {} }),

  save: async () => {
    const { form, state } = get();
    const changes = changedFields(form, state?.voice ?? null);
    if (Object.keys(changes).length === 0) {
      showToast({ kind: 'info', message: 'Nothing changed' });
      return;
    }
    set({ saving: true, fieldErrors: {} });
    try {
      const saved = await saveVoice(changes);
      set({ state: saved, form: toVoiceForm(saved.voice) });
      showToast({ kind: 'success', message: 'Brand voice saved' });
    } catch (error) {
      const byField = issuesByField(fieldIssuesOf(error), 1);
      if (Object.keys(byField).length > 0) set({ fieldErrors: byField });
      else showToast({ kind: 'error', message: `Could not save the voice: ${errorMessage(error)}` });
    } finally {
      set({ saving: false });
    }
  },

  learn: async () => {
    set({ learning: true });
    try {
      const learned = await learnVoice(get().overwriteEdits);
      set({ state: learned, form: toVoiceForm(learned.voice), fieldErrors: {} });
      showToast({ kind: 'success', message: `Voice learned from ${learned.learnedFrom} posts` });
    } catch (error) {
      showToast({ kind: 'error', message: `Could not learn the voice: ${errorMessage(error)}` });
    } finally {
      set({ learning: false });
    }
  },

  setOverwriteEdits: (overwriteEdits) => set({ overwriteEdits }),
  setSample: (patch) => set({ ...patch, previewError: null }),

  preview: async () => {
    const { sample, samplePlatform } = get();
    if (sample.trim() === '') {
      set({ previewError: 'Type a sample text first' });
      return;
    }
    set({ previewing: true, previewError: null });
    try {
      set({ guide: await previewExamples(sample, samplePlatform) });
    } catch (error) {
      set({ previewError: errorMessage(error) });
    } finally {
      set({ previewing: false });
    }
  },
}));
