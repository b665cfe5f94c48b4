import { create } from 'zustand';
import type { AnalyticsAnomaly, AnalyticsOverview, SuccessFactorsResult } from '../../../shared/domain/analytics';
import type { Platform } from '../../../shared/domain/platform';
import type { Profile } from '../../../shared/domain/profile';
import { errorMessage } from '../../ui/errors';
import { todayIn } from '../../ui/format';
import { showToast } from '../../ui/toasts.store';
import type { DayRange, RangePreset } from './date-range';
import { type AnalyticsFilters, filtersToInput } from './filters';
import { dismissAnomaly, getOverview, getProfile, getSuccessFactors, listAnomalies } from './queries';

/** A part of the dashboard that loads on its own, so one failure does not blank the rest. */
export interface Loadable<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: T | null;
  error: string | null;
}

const idle = <T>(): Loadable<T> => ({ status: 'idle', data: null, error: null });

interface AnalyticsState {
  profile: Profile | null;
  filters: AnalyticsFilters;
  /** What is wrong with a custom range (nothing is loaded until it is fixed). */
  rangeProblem: string | null;
  /** Platforms that appeared in an unfiltered overview, so their chips stay offered. */
  seenPlatforms: Platform[];
  overview: Loadable<AnalyticsOverview>;
  anomalies: Loadable<AnalyticsAnomaly[]>;
  factors: Loadable<SuccessFactorsResult>;
  setPreset: (preset: RangePreset) => void;
  setCustom: (patch: Partial<DayRange>) => void;
  setPlatforms: (platforms: Platform[]) => void;
  load: () => Promise<void>;
  /** Reads the profile once (time zone, platforms) for views that show no overview. */
  loadProfile: () => Promise<Profile | null>;
  dismiss: (id: number) => Promise<void>;
}

/** Ignores answers to an older load once a newer one has started (filters changed meanwhile). */
let latest = 0;

/** The dashboard: filters (kept while the app runs), the overview, anomalies and success factors. */
export const useAnalytics = create<AnalyticsState>()((set, get) => {
  const run = async <K extends 'overview' | 'anomalies' | 'factors'>(
    key: K,
    mine: number,
    fetch: () => Promise<NonNullable<AnalyticsState[K]['data']>>,
  ) => {
    set({ [key]: { ...get()[key], status: 'loading' } } as Partial<AnalyticsState>);
    try {
      const data = await fetch();
      if (mine === latest) set({ [key]: { status: 'ready', data, error: null } } as Partial<AnalyticsState>);
    } catch (error) {
      if (mine === latest)
        set({ [key]: { ...get()[key], status: 'error', error: errorMessage(error) } } as Partial<AnalyticsState>);
    }
  };

  return {
    profile: null,
    filters: { preset: '90d', custom: { from: '', to: '' }, platforms: [] },
    rangeProblem: null,
    seenPlatforms: [],
    overview: idle(),
    anomalies: idle(),
    factors: idle(),

    setPreset: (preset) => {
      const { filters, overview } = get();
      // A custom range starts from the range shown, so the user adjusts it instead of typing it all.
      const custom =
        preset === 'custom' && !filters.custom.from && overview.data
          ? { from: overview.data.range.from, to: overview.data.range.to }
          : filters.custom;
      set({ filters: { ...filters, preset, custom } });
      void get().load();
    },
    setCustom: (patch) => {
      const { filters } = get();
      set({ filters: { ...filters, preset: 'custom', custom: { ...filters.custom, ...patch } } });
      void get().load();
    },
    setPlatforms: (platforms) => {
      set({ filters: { ...get().filters, platforms } });
      void get().load();
    },

    loadProfile: async () => {
      const known = get().profile;
      if (known) return known;
      const profile = await getProfile();
      set({ profile });
      return profile;
    },

    load: async () => {
      const mine = ++latest;
      let profile: Profile | null;
      try {
        profile = await get().loadProfile();
      } catch (error) {
        set({ overview: { ...get().overview, status: 'error', error: errorMessage(error) } });
        return;
      }
      const input = filtersToInput(get().filters, todayIn(profile?.timezone));
      if ('problem' in input) return set({ rangeProblem: input.problem });
      set({ rangeProblem: null });
      await Promise.all([
        run('overview', mine, async () => {
          const overview = await getOverview(input);
          if (!input.platforms) set({ seenPlatforms: overview.byPlatform.map((p) => p.platform) });
          return overview;
        }),
        run('anomalies', mine, () => listAnomalies(input.from, input.to)),
        run('factors', mine, () => getSuccessFactors(input)),
      ]);
    },

    dismiss: async (id) => {
      try {
        await dismissAnomaly(id);
        const { anomalies } = get();
        if (anomalies.data) set({ anomalies: { ...anomalies, data: anomalies.data.filter((a) => a.id !== id) } });
      } catch (error) {
        showToast({ kind: 'error', message: `Could not dismiss: ${errorMessage(error)}` });
      }
    },
  };
});
