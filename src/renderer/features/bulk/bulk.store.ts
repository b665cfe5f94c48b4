import { create } from 'zustand';
import type { Progress } from '../../../shared/contract/events';
import type { BulkJob, BulkJobDetail } from '../../../shared/domain/bulk';
import { errorMessage, fieldIssuesOf, issuesByField } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { todayKey } from '../calendar/calendar-dates';
import { isLiveJob } from './bulk-text';
import {
  fetchJob,
  fetchJobs,
  fetchProfile,
  onBulkEvents,
  planJob,
  removeItem,
  runJobAction,
  updateItem,
  type ItemPatch,
  type JobAction,
} from './queries';
import { defaultRequest, toPlanInput, validateRequest, type BulkRequestForm, type RequestErrors } from './request-form';

/** Bursts of bulk:changed events (every item) cause one reload. */
const CHANGE_DEBOUNCE_MS = 150;

interface BulkState {
  load: 'loading' | 'ready' | 'error';
  error: string | null;
  form: BulkRequestForm;
  /** Problems beside the fields: the form's own checks, then the server's. */
  formErrors: RequestErrors & { form?: string };
  planning: boolean;
  /** The job on screen: a plan being edited, a running job, or a finished one opened from the list. */
  detail: BulkJobDetail | null;
  jobs: BulkJob[];
  progress: Progress | null;
  /** The job action in flight (its button shows it). */
  acting: JobAction | null;

  /** Loads the profile and the jobs, reopens a live job, follows events; returns a cleanup. */
  start: () => () => void;
  setForm: (patch: Partial<BulkRequestForm>) => void;
  plan: () => Promise<void>;
  editItem: (itemId: number, patch: ItemPatch) => Promise<void>;
  removeItem: (itemId: number) => Promise<void>;
  act: (action: JobAction) => Promise<void>;
  openJob: (jobId: string) => Promise<void>;
  /** Back to an empty request (the shown job keeps running). */
  newRequest: () => void;
}

let changeTimer: ReturnType<typeof setTimeout> | undefined;
let detailSeq = 0;

function tomorrow(timeZone: string): string {
  return todayKey(timeZone, new Date(Date.now() + 86_400_000));
}

export const useBulk = create<BulkState>()((set, get) => {
  /** Reloads the shown job (and the list), ignoring answers that arrive after a newer request. */
  const reload = async (jobId: string | null) => {
    const seq = ++detailSeq;
    const [jobs, detail] = await Promise.all([fetchJobs(), jobId ? fetchJob(jobId) : Promise.resolve(null)]);
    if (seq !== detailSeq) return;
    set({ jobs, ...(jobId ? { detail } : {}) });
  };

  return {
    load: 'loading',
    error: null,
    form: defaultRequest(null, tomorrow(Intl.DateTimeFormat().resolvedOptions().timeZone)),
    formErrors: {},
    planning: false,
    detail: null,
    jobs: [],
    progress: null,
    acting: null,

    start: () => {
      void (async () => {
        try {
          const [profile, jobs] = await Promise.all([fetchProfile(), fetchJobs()]);
          const zone = profile?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
          const live = jobs.find((job) => isLiveJob(job.status));
          const detail = live ? await fetchJob(live.id) : null;
          set({ form: defaultRequest(profile, tomorrow(zone)), jobs, detail, load: 'ready', error: null });
        } catch (error) {
          set({ load: 'error', error: errorMessage(error) });
        }
      })();
      const off = onBulkEvents(
        (progress) => {
          if (progress.jobId === get().detail?.job.id) set({ progress });
        },
        (jobId) => {
          clearTimeout(changeTimer);
          const shown = get().detail?.job.id ?? null;
          changeTimer = setTimeout(
            () => void reload(shown === jobId ? jobId : null).catch(() => undefined),
            CHANGE_DEBOUNCE_MS,
          );
        },
      );
      return () => {
        off();
        clearTimeout(changeTimer);
      };
    },

    setForm: (patch) => {
      const formErrors = { ...get().formErrors };
      for (const key of Object.keys(patch)) delete formErrors[key as keyof BulkRequestForm];
      delete formErrors.form;
      set({ form: { ...get().form, ...patch }, formErrors });
    },

    plan: async () => {
      const { form } = get();
      const errors = validateRequest(form);
      if (Object.keys(errors).length > 0) {
        set({ formErrors: errors });
        return;
      }
      set({ planning: true, formErrors: {} });
      try {
        const detail = await planJob(toPlanInput(form));
        set({ detail, progress: null, planning: false });
        void reload(null).catch(() => undefined);
      } catch (error) {
        const byField = issuesByField(fieldIssuesOf(error), 1);
        set({
          planning: false,
          formErrors: {
            ...(byField.platforms ? { platforms: byField.platforms } : {}),
            ...(byField.niche ? { niche: byField.niche } : {}),
            ...(byField.postsPerWeek ? { postsPerWeek: byField.postsPerWeek } : {}),
            ...(byField.from ? { startDate: byField.from } : {}),
            ...(byField.weeks ? { weeks: byField.weeks } : {}),
            ...(byField.formats ? { formats: byField.formats } : {}),
            form: errorMessage(error),
          },
        });
      }
    },

    editItem: async (itemId, patch) => {
      try {
        set({ detail: await updateItem(itemId, patch) });
      } catch (error) {
        showToast({ kind: 'error', message: `Could not change the plan: ${errorMessage(error)}` });
        const shown = get().detail?.job.id;
        if (shown) void reload(shown).catch(() => undefined);
      }
    },

    removeItem: async (itemId) => {
      try {
        set({ detail: await removeItem(itemId) });
      } catch (error) {
        showToast({ kind: 'error', message: `Could not remove the post from the plan: ${errorMessage(error)}` });
      }
    },

    act: async (action) => {
      const detail = get().detail;
      if (!detail || get().acting) return;
      set({ acting: action });
      try {
        const job = await runJobAction(action, detail.job.id);
        const current = get().detail;
        if (current?.job.id === job.id) set({ detail: { ...current, job } });
        await reload(job.id);
      } catch (error) {
        showToast({ kind: 'error', message: errorMessage(error) });
      } finally {
        set({ acting: null });
      }
    },

    openJob: async (jobId) => {
      try {
        const seq = ++detailSeq;
        const detail = await fetchJob(jobId);
        if (seq === detailSeq) set({ detail, progress: null });
      } catch (error) {
        showToast({ kind: 'error', message: `Could not open the job: ${errorMessage(error)}` });
      }
    },

    newRequest: () => set({ detail: null, progress: null, formErrors: {} }),
  };
});
