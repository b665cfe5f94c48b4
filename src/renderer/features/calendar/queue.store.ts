import { create } from 'zustand';
import type { Platform } from '../../../shared/domain/platform';
import type { FreeSlot, PlanningGaps, PlanningQueue, PlanningSlots, WeeklySlot } from '../../../shared/domain/planning';
import { errorMessage, fieldIssuesOf } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { PLATFORM_LABELS } from '../../ui/platforms';
import { todayKey } from './calendar-dates';
import { fetchGaps, fetchNextFreeSlot, fetchQueue, fetchSlots, saveSlots } from './planning-queries';
import { gapWindow } from './queue-text';

/** How far ahead the queue looks, and how many weeks the gap check covers. */
export const QUEUE_DAYS = 14;
export const GAP_WEEKS = 4;

interface QueueState {
  load: 'loading' | 'ready' | 'error';
  error: string | null;
  platformFilter: Platform | 'all';
  queue: PlanningQueue | null;
  gaps: PlanningGaps | null;
  /** The next free slot per platform (or why there is none). */
  nextFree: { platform: Platform; slot: FreeSlot | null; error: string | null }[];
  slots: PlanningSlots | null;
  /** The slot editor's unsaved lists, by platform. */
  editing: Partial<Record<Platform, WeeklySlot[]>>;
  slotErrors: Partial<Record<Platform, string>>;
  savingSlots: Platform | null;

  refresh: () => Promise<void>;
  setPlatformFilter: (platform: Platform | 'all') => void;
  editSlots: (platform: Platform, slots: WeeklySlot[] | undefined) => void;
  saveSlots: (platform: Platform, reset?: boolean) => Promise<void>;
}

let seq = 0;

/** The Queue tab: upcoming posts and free slots, next free slot per platform, gaps per week, slot editor. */
export const useQueue = create<QueueState>()((set, get) => ({
  load: 'loading',
  error: null,
  platformFilter: 'all',
  queue: null,
  gaps: null,
  nextFree: [],
  slots: null,
  editing: {},
  slotErrors: {},
  savingSlots: null,

  refresh: async () => {
    const mine = ++seq;
    const filter = get().platformFilter;
    try {
      const slots = await fetchSlots();
      const window = gapWindow(todayKey(slots.timezone), GAP_WEEKS);
      const [queue, gaps, nextFree] = await Promise.all([
        fetchQueue(QUEUE_DAYS, filter === 'all' ? undefined : filter),
        fetchGaps(window.from, window.to),
        Promise.all(
          slots.platforms.map(({ platform }) =>
            fetchNextFreeSlot(platform).then(
              (slot) => ({ platform, slot, error: null }),
              (error: unknown) => ({ platform, slot: null, error: errorMessage(error) }),
            ),
          ),
        ),
      ]);
      if (mine !== seq) return;
      set({ slots, queue, gaps, nextFree, load: 'ready', error: null });
    } catch (error) {
      if (mine === seq) set({ load: 'error', error: errorMessage(error) });
    }
  },

  setPlatformFilter: (platformFilter) => {
    set({ platformFilter });
    void get().refresh();
  },

  editSlots: (platform, slots) => {
    const editing = { ...get().editing };
    if (slots) editing[platform] = slots;
    else delete editing[platform];
    const slotErrors = { ...get().slotErrors };
    delete slotErrors[platform];
    set({ editing, slotErrors });
  },

  saveSlots: async (platform, reset = false) => {
    const slots = reset ? null : (get().editing[platform] ?? null);
    if (!reset && !slots) return;
    set({ savingSlots: platform });
    try {
      await saveSlots(platform, slots);
      get().editSlots(platform, undefined);
      showToast({
        kind: 'success',
        message: reset
          ? `${PLATFORM_LABELS[platform]} is back to the suggested slots`
          : `${PLATFORM_LABELS[platform]} slots saved`,
      });
      await get().refresh();
    } catch (error) {
      const issue = fieldIssuesOf(error)[0];
      set({ slotErrors: { ...get().slotErrors, [platform]: issue?.message ?? errorMessage(error) } });
    } finally {
      set({ savingSlots: null });
    }
  },
}));
