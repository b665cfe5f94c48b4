import { create } from 'zustand';
import type { BestTimes } from '../../../shared/domain/analytics';
import type { Platform } from '../../../shared/domain/platform';
import { errorMessage } from '../../ui/errors';
import type { Loadable } from './analytics.store';
import { getBestTimes } from './queries';

interface BestTimesState {
  platform: Platform | null;
  times: Loadable<BestTimes>;
  choose: (platform: Platform) => Promise<void>;
  reload: () => Promise<void>;
}

/** Best posting slots for one platform at a time. */
export const useBestTimes = create<BestTimesState>()((set, get) => ({
  platform: null,
  times: { status: 'idle', data: null, error: null },
  choose: async (platform) => {
    set({ platform });
    await get().reload();
  },
  reload: async () => {
    const { platform } = get();
    if (!platform) return;
    set({ times: { ...get().times, status: 'loading' } });
    try {
      const times = await getBestTimes(platform);
      if (get().platform === platform) set({ times: { status: 'ready', data: times, error: null } });
    } catch (error) {
      if (get().platform === platform) set({ times: { ...get().times, status: 'error', error: errorMessage(error) } });
    }
  },
}));
