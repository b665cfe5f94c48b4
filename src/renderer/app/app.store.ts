import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract/app';
import { getClient } from '../client/client';
import { errorMessage } from '../ui/errors';

type AppState =
  | { status: 'loading'; info: null; error: null }
  | { status: 'ready'; info: AppInfo; error: null }
  | { status: 'error'; info: null; error: string };

interface AppStore {
  state: AppState;
  load: () => Promise<void>;
  /** Re-reads app:get-info without leaving the current screen (e.g. after an import). */
  refresh: () => Promise<void>;
  /** Called after the profile is first saved, so routing leaves onboarding. */
  markOnboarded: () => void;
}

/** What the app is (from app:get-info) and whether the creator finished onboarding. */
export const useApp = create<AppStore>()((set, get) => ({
  state: { status: 'loading', info: null, error: null },
  load: async () => {
    set({ state: { status: 'loading', info: null, error: null } });
    try {
      const info = await getClient().invoke('app:get-info', {});
      set({ state: { status: 'ready', info, error: null } });
    } catch (error) {
      set({ state: { status: 'error', info: null, error: errorMessage(error) } });
    }
  },
  refresh: async () => {
    try {
      const info = await getClient().invoke('app:get-info', {});
      set({ state: { status: 'ready', info, error: null } });
    } catch {
      // Keep what is shown; the next full load reports the problem.
    }
  },
  markOnboarded: () => {
    const { state } = get();
    if (state.status === 'ready') set({ state: { ...state, info: { ...state.info, onboarded: true } } });
  },
}));
