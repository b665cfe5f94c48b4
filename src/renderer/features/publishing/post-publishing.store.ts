import { create } from 'zustand';
import type { PostMetrics } from '../../../shared/domain/analytics';
import type { PublishJob } from '../../../shared/domain/publishing';
import { errorMessage, isContractError } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { refusalFindings } from './job-text';
import { refreshMessage } from './metrics-refresh-text';
import { getPostMetrics, listJobs, publishNow, refreshPostMetrics } from './queries';

interface PostPublishingState {
  postId: string | null;
  jobs: PublishJob[];
  metrics: PostMetrics | null;
  error: string | null;
  publishing: boolean;
  refreshing: boolean;
  /** What the last manual refresh brought (or why it could not run). */
  refreshNote: string | null;
  /** Why publish-now was refused: the message and the platform's findings. */
  refusal: { message: string; findings: string[] } | null;
  /** Loads jobs and metrics for a post (null clears). */
  open: (postId: string | null) => Promise<void>;
  reload: () => Promise<void>;
  publish: () => Promise<void>;
  refreshMetrics: () => Promise<void>;
}

/** The Compose page's publishing view of one post: each platform's job and the post's metrics. */
export const usePostPublishing = create<PostPublishingState>()((set, get) => ({
  postId: null,
  jobs: [],
  metrics: null,
  error: null,
  publishing: false,
  refreshing: false,
  refreshNote: null,
  refusal: null,

  open: async (postId) => {
    set({ postId, jobs: [], metrics: null, error: null, refusal: null, refreshNote: null });
    if (postId) await get().reload();
  },

  reload: async () => {
    const postId = get().postId;
    if (!postId) return;
    try {
      const [jobs, metrics] = await Promise.all([listJobs(postId), getPostMetrics(postId)]);
      if (get().postId === postId) set({ jobs, metrics, error: null });
    } catch (error) {
      if (get().postId === postId) set({ error: errorMessage(error) });
    }
  },

  publish: async () => {
    const postId = get().postId;
    if (!postId) return;
    set({ publishing: true, refusal: null });
    try {
      const jobs = await publishNow(postId);
      if (get().postId === postId) set({ jobs });
    } catch (error) {
      if (isContractError(error, 'VALIDATION_FAILED') || isContractError(error, 'CONFLICT')) {
        set({ refusal: { message: errorMessage(error), findings: refusalFindings(error.details) } });
      } else {
        showToast({ kind: 'error', message: `Could not publish: ${errorMessage(error)}` });
      }
    } finally {
      set({ publishing: false });
    }
  },

  refreshMetrics: async () => {
    const postId = get().postId;
    if (!postId) return;
    set({ refreshing: true });
    try {
      const outcome = await refreshPostMetrics(postId);
      if (get().postId !== postId) return;
      set({ refreshNote: refreshMessage(outcome) });
      await get().reload();
    } catch (error) {
      if (get().postId === postId) set({ refreshNote: errorMessage(error) });
    } finally {
      set({ refreshing: false });
    }
  },
}));
