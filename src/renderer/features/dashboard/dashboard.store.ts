import { create } from 'zustand';
import type { PostList } from '../../../shared/contract/posts';
import type { Profile } from '../../../shared/domain/profile';
import { errorMessage } from '../../ui/errors';
import { getProfile, postsInRange, upcomingPosts, workInProgress } from './queries';
import { weekRange } from './week';

type ListedPost = PostList['items'][number];

export interface DashboardData {
  profile: Profile;
  week: { from: string; to: string; days: string[]; posts: ListedPost[] };
  /** The next scheduled posts, soonest first. */
  upcoming: ListedPost[];
  upcomingTotal: number;
  /** The most recently touched unfinished posts and how many there are. */
  inProgress: ListedPost[];
  inProgressTotal: number;
  loadedAt: string;
}

interface DashboardState {
  status: 'loading' | 'ready' | 'error';
  data: DashboardData | null;
  error: string | null;
  load: () => Promise<void>;
}

const UPCOMING_SHOWN = 5;

/** Everything the dashboard shows, all from the core: nothing here is estimated or invented. */
export const useDashboard = create<DashboardState>()((set, get) => ({
  status: 'loading',
  data: null,
  error: null,
  load: async () => {
    if (!get().data) set({ status: 'loading' });
    try {
      const profile = await getProfile();
      if (!profile) throw new Error('No profile yet; finish onboarding first');
      const now = new Date();
      const range = weekRange(now, profile.timezone);
      const [week, upcoming, inProgress] = await Promise.all([
        postsInRange(range.from, range.to),
        upcomingPosts(now.toISOString()),
        workInProgress(),
      ]);
      const soonest = [...upcoming.items].sort((a, b) => (a.scheduledAt ?? '').localeCompare(b.scheduledAt ?? ''));
      set({
        status: 'ready',
        error: null,
        data: {
          profile,
          week: { ...range, posts: week.items },
          upcoming: soonest.slice(0, UPCOMING_SHOWN),
          upcomingTotal: upcoming.total,
          inProgress: inProgress.items,
          inProgressTotal: inProgress.total,
          loadedAt: now.toISOString(),
        },
      });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
