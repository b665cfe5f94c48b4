import { create } from 'zustand';
import type { Progress } from '../../../shared/contract/events';
import { errorMessage, fieldIssuesOf } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { useModels } from './models.store';
import { progressValue, resumedFrom } from './pull-progress';
import { cancelActiveJob } from './cancel-job';
import { onJobProgress, pullModel } from './queries';

export interface ActivePull {
  jobId: string;
  model: string;
  progress: Progress | null;
  /** The percent an interrupted earlier pull had reached, when this one picked up from it. */
  resumedFrom: number | null;
  cancelling: boolean;
}

interface PullState {
  name: string;
  nameError: string | null;
  active: ActivePull | null;
  setName: (name: string) => void;
  /** Pulls the typed name, or the model given (a recommendation's Pull button). */
  pull: (model?: string) => Promise<void>;
  cancel: () => Promise<void>;
}

/** How far earlier pulls got before they stopped, so a new pull can say it resumed. */
const stoppedAt = new Map<string, number>();

/** One pull at a time: a model into Ollama, with progress from job:progress events. */
export const usePull = create<PullState>()((set, get) => {
  const remember = (model: string) => {
    const reached = progressValue(get().active?.progress ?? null) ?? 0;
    if (reached > 0) stoppedAt.set(model, Math.max(reached, stoppedAt.get(model) ?? 0));
  };

  return {
    name: '',
    nameError: null,
    active: null,
    setName: (name) => set({ name, nameError: null }),

    pull: async (requested) => {
      if (get().active) return;
      const fromInput = requested === undefined;
      const model = (requested ?? get().name).trim();
      if (!model) return set({ nameError: 'Name a model, e.g. llama3.2:3b' });
      const jobId = `pull-${crypto.randomUUID()}`;
      set({ active: { jobId, model, progress: null, resumedFrom: null, cancelling: false }, nameError: null });
      let sawDownload = false;
      const stop = onJobProgress(jobId, (progress) => {
        const active = get().active;
        if (active?.jobId !== jobId) return;
        let resumed = active.resumedFrom;
        if (!sawDownload && progress.phase === 'downloading') {
          sawDownload = true;
          resumed = resumedFrom(progress, stoppedAt.get(model));
        }
        set({ active: { ...active, progress, resumedFrom: resumed } });
      });
      try {
        const { outcome } = await pullModel(model, jobId);
        if (outcome === 'success') {
          stoppedAt.delete(model);
          showToast({ kind: 'success', message: `${model} is installed` });
          if (fromInput) set({ name: '' });
        } else {
          remember(model);
          showToast({ kind: 'info', message: `Stopped pulling ${model}. Pull it again to resume where it stopped.` });
        }
      } catch (error) {
        remember(model);
        const issue = fieldIssuesOf(error)[0];
        if (fromInput && issue) set({ nameError: issue.message });
        showToast({ kind: 'error', message: `Could not pull ${model}: ${errorMessage(error)}` });
      } finally {
        stop();
        set({ active: null });
        void useModels.getState().load();
      }
    },

    cancel: () =>
      cancelActiveJob(
        () => get().active,
        (active) => set({ active }),
        (error) => showToast({ kind: 'error', message: `Could not cancel: ${errorMessage(error)}` }),
      ),
  };
});
