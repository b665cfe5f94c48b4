import { create } from 'zustand';
import type {
  Cohort,
  CoachPreferences,
  GoalStatus,
  Intervention,
  InterventionList,
  TodayPlan,
} from '../../../shared/domain/coach';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { downloadText } from '../../ui/download';
import { actionTarget } from './intervention-text';
import { failed, idle, type Loadable, loading, ready } from './load-state';
import * as q from './queries';

/** A reached milestone waiting for its in-app moment. */
export interface Celebration {
  id: number;
  fraction: number;
  value: number;
}

/** What each part of the page shows. */
interface PartData {
  goal: GoalStatus;
  today: TodayPlan;
  interventions: InterventionList;
  cohort: Cohort;
  preferences: CoachPreferences;
}
type Part = keyof PartData;
type Parts = { [K in Part]: Loadable<PartData[K]> };

interface CoachState extends Parts {
  celebrations: Celebration[];
  regenerating: boolean;
  sending: boolean;
  exporting: boolean;
  /** The intervention whose response is being recorded. */
  responding: number | null;
  loadAll: () => Promise<void>;
  load: (part: Part) => Promise<void>;
  regenerate: () => Promise<void>;
  /** Makes a draft from today's suggested post; resolves to its id (null on failure). */
  sendToCompose: () => Promise<string | null>;
  /** Snooze or dismiss. */
  respond: (intervention: Intervention, response: 'snoozed' | 'dismissed', snoozeDays?: number) => Promise<void>;
  /** Does what the intervention suggests and records it; resolves to the route to open (null on failure). */
  actOn: (intervention: Intervention) => Promise<string | null>;
  celebrate: (milestone: Celebration) => void;
  acknowledge: (id: number) => Promise<void>;
  savePreference: (changes: Partial<CoachPreferences>) => Promise<void>;
  exportProgress: () => Promise<void>;
}

const LOADERS: { [K in Part]: () => Promise<PartData[K]> } = {
  goal: q.getGoalStatus,
  today: () => q.getToday(false),
  interventions: q.listInterventions,
  cohort: q.getCohort,
  preferences: q.getPreferences,
};

/** Adds milestones not already queued, lowest first. */
function queue(current: Celebration[], more: readonly Celebration[]): Celebration[] {
  const ids = new Set(current.map((c) => c.id));
  return [...current, ...more.filter((m) => !ids.has(m.id))].sort((a, b) => a.fraction - b.fraction);
}

/**
 * The Coach page's state. Each part loads on its own, so a slow AI plan never hides the goal,
 * and a failure in one part shows its own error.
 */
export const useCoach = create<CoachState>()((set, get) => ({
  goal: idle(),
  today: idle(),
  interventions: idle(),
  cohort: idle(),
  preferences: idle(),
  celebrations: [],
  regenerating: false,
  sending: false,
  exporting: false,
  responding: null,

  loadAll: async () => {
    await Promise.all((Object.keys(LOADERS) as Part[]).map((part) => get().load(part)));
  },

  load: async (part) => {
    const put = <K extends Part>(key: K, value: Loadable<PartData[K]>) => set({ [key]: value } as Pick<Parts, K>);
    put(part, loading<PartData[typeof part]>(get()[part]));
    try {
      const data = await LOADERS[part]();
      put(part, ready(data));
      if (part === 'goal') set({ celebrations: queue(get().celebrations, (data as GoalStatus).uncelebrated) });
    } catch (error) {
      put(part, failed<PartData[typeof part]>(get()[part], errorMessage(error)));
    }
  },

  regenerate: async () => {
    set({ regenerating: true });
    try {
      set({ today: ready(await q.getToday(true)) });
    } catch (error) {
      showToast({ kind: 'error', message: `Could not write a new plan: ${errorMessage(error)}` });
    } finally {
      set({ regenerating: false });
    }
  },

  sendToCompose: async () => {
    const plan = get().today.data;
    if (!plan) return null;
    set({ sending: true });
    try {
      return await q.sendToCompose(plan.date);
    } catch (error) {
      showToast({ kind: 'error', message: `Could not create the draft: ${errorMessage(error)}` });
      return null;
    } finally {
      set({ sending: false });
    }
  },

  respond: async (intervention, response, snoozeDays) => {
    set({ responding: intervention.id });
    try {
      await q.respondIntervention(intervention.id, response, snoozeDays);
      await get().load('interventions');
    } catch (error) {
      showToast({ kind: 'error', message: `Could not save your answer: ${errorMessage(error)}` });
    } finally {
      set({ responding: null });
    }
  },

  actOn: async (intervention) => {
    set({ responding: intervention.id });
    try {
      const { action } = intervention;
      // The draft comes first: if it cannot be made, the intervention is not marked as acted on.
      const route =
        action.kind === 'suggest-post' ? `/compose/${await q.createDraft(action.text)}` : actionTarget(action).route;
      await q.respondIntervention(intervention.id, 'acted');
      void get().load('interventions');
      return route;
    } catch (error) {
      showToast({ kind: 'error', message: `Could not do that: ${errorMessage(error)}` });
      return null;
    } finally {
      set({ responding: null });
    }
  },

  celebrate: (milestone) => set({ celebrations: queue(get().celebrations, [milestone]) }),

  acknowledge: async (id) => {
    // Hidden at once: the moment is over for the creator even if saving it fails.
    set({ celebrations: get().celebrations.filter((c) => c.id !== id) });
    try {
      await q.acknowledgeMilestone(id);
    } catch (error) {
      showToast({ kind: 'error', message: `Could not save that you saw the milestone: ${errorMessage(error)}` });
    }
  },

  savePreference: async (changes) => {
    const previous = get().preferences;
    if (previous.data) set({ preferences: ready({ ...previous.data, ...changes }) });
    try {
      set({ preferences: ready(await q.savePreferences(changes)) });
    } catch (error) {
      set({ preferences: previous });
      showToast({ kind: 'error', message: `Could not save the preference: ${errorMessage(error)}` });
    }
  },

  exportProgress: async () => {
    set({ exporting: true });
    try {
      const file = await q.exportProgress();
      downloadText(file.content, file.fileName, file.mimeType);
      showToast({ kind: 'success', message: `Saved your progress as ${file.fileName}` });
    } catch (error) {
      showToast({ kind: 'error', message: `Export failed: ${errorMessage(error)}` });
    } finally {
      set({ exporting: false });
    }
  },
}));
