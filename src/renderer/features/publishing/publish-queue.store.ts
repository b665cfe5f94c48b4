import { create } from 'zustand';
import type { PublishJob } from '../../../shared/domain/publishing';
import { errorMessage } from '../../ui/errors';
import { listJobs } from './queries';

interface PublishQueueState {
  jobs: PublishJob[];
  loaded: boolean;
  error: string | null;
  load: () => Promise<void>;
}

/** Every publish job (the queue view); reloaded on publishing:changed. */
export const usePublishQueue = create<PublishQueueState>()((set) => ({
  jobs: [],
  loaded: false,
  error: null,
  load: async () => {
    try {
      set({ jobs: await listJobs(), loaded: true, error: null });
    } catch (error) {
      set({ error: errorMessage(error), loaded: true });
    }
  },
}));
