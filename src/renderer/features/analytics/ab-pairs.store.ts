import { create } from 'zustand';
import type { PostList } from '../../../shared/contract/posts';
import type { AbPair } from '../../../shared/domain/analytics';
import type { Platform } from '../../../shared/domain/platform';
import { errorMessage, fieldIssuesOf, issuesByField } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import type { Loadable } from './analytics.store';
import { createAbPair, deleteAbPair, listAbPairs, publishedPosts } from './queries';

type Candidate = PostList['items'][number];

export interface AbForm {
  platform: Platform | '';
  postA: string;
  postB: string;
  label: string;
}

const EMPTY_FORM: AbForm = { platform: '', postA: '', postB: '', label: '' };

interface AbPairsState {
  pairs: Loadable<AbPair[]>;
  form: AbForm;
  /** Published posts on the form's platform, to choose A and B from. */
  candidates: Candidate[];
  loadingCandidates: boolean;
  creating: boolean;
  /** Errors by field ("postB", "platform") or "form" for the whole. */
  errors: Record<string, string>;
  load: () => Promise<void>;
  setForm: (patch: Partial<AbForm>) => void;
  create: () => Promise<void>;
  remove: (pair: AbPair) => Promise<void>;
}

/** A/B pairs: two published posts on one platform compared with a significance test. */
export const useAbPairs = create<AbPairsState>()((set, get) => ({
  pairs: { status: 'idle', data: null, error: null },
  form: EMPTY_FORM,
  candidates: [],
  loadingCandidates: false,
  creating: false,
  errors: {},

  load: async () => {
    set({ pairs: { ...get().pairs, status: 'loading' } });
    try {
      set({ pairs: { status: 'ready', data: await listAbPairs(), error: null } });
    } catch (error) {
      set({ pairs: { ...get().pairs, status: 'error', error: errorMessage(error) } });
    }
  },

  setForm: (patch) => {
    const platformChanged = patch.platform !== undefined && patch.platform !== get().form.platform;
    const form = { ...get().form, ...patch, ...(platformChanged ? { postA: '', postB: '' } : {}) };
    set({ form, errors: {} });
    if (!platformChanged) return;
    if (!form.platform) return set({ candidates: [] });
    const platform = form.platform;
    set({ loadingCandidates: true, candidates: [] });
    publishedPosts(platform)
      .then((list) => {
        if (get().form.platform === platform) set({ candidates: list.items });
      })
      .catch((error: unknown) => set({ errors: { platform: `Could not list posts: ${errorMessage(error)}` } }))
      .finally(() => set({ loadingCandidates: false }));
  },

  create: async () => {
    const { form } = get();
    const errors: Record<string, string> = {};
    if (!form.platform) errors.platform = 'Pick the platform both posts went out on';
    if (!form.postA) errors.postA = 'Pick post A';
    if (!form.postB) errors.postB = 'Pick post B';
    else if (form.postA === form.postB) errors.postB = 'Pick two different posts';
    if (Object.keys(errors).length > 0 || !form.platform) return set({ errors });
    set({ creating: true, errors: {} });
    try {
      const label = form.label.trim();
      const pair = await createAbPair({
        postA: form.postA,
        postB: form.postB,
        platform: form.platform,
        ...(label ? { label } : {}),
      });
      set({
        form: { ...EMPTY_FORM, platform: form.platform },
        pairs: { ...get().pairs, data: [pair, ...(get().pairs.data ?? [])] },
      });
      showToast({ kind: 'success', message: 'A/B pair added' });
    } catch (error) {
      const byField = issuesByField(fieldIssuesOf(error), 1);
      set({ errors: Object.keys(byField).length > 0 ? byField : { form: errorMessage(error) } });
    } finally {
      set({ creating: false });
    }
  },

  remove: async (pair) => {
    try {
      await deleteAbPair(pair.id);
      set({ pairs: { ...get().pairs, data: (get().pairs.data ?? []).filter((p) => p.id !== pair.id) } });
    } catch (error) {
      showToast({ kind: 'error', message: `Could not delete the pair: ${errorMessage(error)}` });
    }
  },
}));
