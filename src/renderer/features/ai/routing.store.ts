import { create } from 'zustand';
import type { ChainEntry, LlmSettings, LlmSettingsPatch, LlmTaskName } from '../../../shared/domain/llm';
import { errorMessage, fieldIssuesOf, issuesByField } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { chainEntryLabel, withFirstChoice } from './chains';
import { TASK_LABELS } from './labels';
import { getSettings, saveSettings } from './queries';

export interface CeilingsText {
  perGenerationCeilingUsd: string;
  monthlyCeilingUsd: string;
}

interface RoutingState {
  status: 'loading' | 'ready' | 'error';
  settings: LlmSettings | null;
  error: string | null;
  saving: boolean;
  ceilings: CeilingsText;
  /** Errors from a refused save, by field ("monthlyCeilingUsd", "chains"). */
  fieldErrors: Record<string, string>;
  load: () => Promise<void>;
  /** Makes a model the task's first choice: [model, ...the other providers' steps]. */
  useModel: (task: LlmTaskName, entry: ChainEntry) => Promise<void>;
  setPrivacy: (on: boolean) => Promise<void>;
  toggleCloudTask: (task: LlmTaskName, allowed: boolean) => Promise<void>;
  editCeiling: (field: keyof CeilingsText, value: string) => void;
  saveCeilings: () => Promise<void>;
}

const ceilingsOf = (s: LlmSettings): CeilingsText => ({
  perGenerationCeilingUsd: String(s.perGenerationCeilingUsd),
  monthlyCeilingUsd: String(s.monthlyCeilingUsd),
});

/** The router policy: chains per task, privacy mode, spending ceilings and cloud permissions. */
export const useRouting = create<RoutingState>()((set, get) => {
  /**
   * Saves a patch; true when the core took it. Switches and checkboxes show their new state at
   * once (`optimistic`) and flip back if the core refuses.
   */
  const save = async (patch: LlmSettingsPatch, optimistic?: Partial<LlmSettings>): Promise<boolean> => {
    const before = get().settings;
    set({ saving: true, fieldErrors: {}, ...(before && optimistic ? { settings: { ...before, ...optimistic } } : {}) });
    try {
      const settings = await saveSettings(patch);
      set({ settings, saving: false });
      return true;
    } catch (error) {
      const fieldErrors = issuesByField(fieldIssuesOf(error), 1);
      set({ saving: false, fieldErrors, ...(optimistic ? { settings: before } : {}) });
      if (Object.keys(fieldErrors).length === 0) showToast({ kind: 'error', message: errorMessage(error) });
      return false;
    }
  };

  return {
    status: 'loading',
    settings: null,
    error: null,
    saving: false,
    ceilings: { perGenerationCeilingUsd: '', monthlyCeilingUsd: '' },
    fieldErrors: {},

    load: async () => {
      try {
        const settings = await getSettings();
        set({ status: 'ready', settings, ceilings: ceilingsOf(settings), error: null });
      } catch (error) {
        set({ status: 'error', error: errorMessage(error) });
      }
    },

    useModel: async (task, entry) => {
      const settings = get().settings;
      if (!settings) return;
      const chain = withFirstChoice(settings.chains[task], entry);
      if (await save({ chains: { [task]: chain } })) {
        showToast({ kind: 'success', message: `${TASK_LABELS[task]} now tries ${chainEntryLabel(entry)} first` });
      }
    },

    setPrivacy: async (on) => {
      if (await save({ privacyMode: on }, { privacyMode: on })) {
        showToast({
          kind: 'info',
          message: on ? 'Privacy mode is on: nothing leaves this device' : 'Privacy mode is off',
        });
      }
    },

    toggleCloudTask: async (task, allowed) => {
      const current = get().settings?.allowedCloudTasks ?? [];
      const next = allowed ? [...current, task] : current.filter((t) => t !== task);
      await save({ allowedCloudTasks: next }, { allowedCloudTasks: next });
    },

    editCeiling: (field, value) => {
      const { [field]: _dropped, ...rest } = get().fieldErrors;
      set({ ceilings: { ...get().ceilings, [field]: value }, fieldErrors: rest });
    },

    saveCeilings: async () => {
      const { ceilings } = get();
      const perGeneration = Number(ceilings.perGenerationCeilingUsd);
      const monthly = Number(ceilings.monthlyCeilingUsd);
      const errors: Record<string, string> = {};
      if (ceilings.perGenerationCeilingUsd.trim() === '' || !Number.isFinite(perGeneration))
        errors.perGenerationCeilingUsd = 'Enter an amount in US dollars';
      if (ceilings.monthlyCeilingUsd.trim() === '' || !Number.isFinite(monthly))
        errors.monthlyCeilingUsd = 'Enter an amount in US dollars';
      if (Object.keys(errors).length > 0) return set({ fieldErrors: errors });
      if (await save({ perGenerationCeilingUsd: perGeneration, monthlyCeilingUsd: monthly })) {
        const settings = get().settings;
        if (settings) set({ ceilings: ceilingsOf(settings) });
        showToast({ kind: 'success', message: 'Spending ceilings saved' });
      }
    },
  };
});
