import { create } from 'zustand';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { postHeadline } from '../library/post-display';
import {
  DEFAULT_POSTING_TIME,
  rangeOf,
  shiftAnchor,
  todayKey,
  visibleDays,
  type CalendarView,
  type DayKey,
} from './calendar-dates';
import { findPost, withSchedule, type CalendarPosts } from './calendar-posts';
import { parseDropId, scheduleAfterDrop } from './drop-target';
import { fetchCalendarProfile, fetchScheduled, fetchUnscheduled, onCalendarChanged, schedulePost } from './queries';
import { describeMove } from './schedule-messages';

const UNSCHEDULED_PAGE = 100;
const CHANGE_DEBOUNCE_MS = 150;

interface CalendarState extends CalendarPosts {
  timeZone: string;
  /** When a post dropped from "Unscheduled" goes out, `HH:mm` local. */
  defaultTime: string;
  view: CalendarView;
  anchor: DayKey;
  unscheduledTotal: number;
  /** How many scheduled posts the period holds (more than are loaded when it is very full). */
  scheduledTotal: number;
  unscheduledLimit: number;
  load: 'loading' | 'ready' | 'error';
  error: string | null;
  /** The post whose Reschedule dialog is open. */
  rescheduleId: string | null;

  start: () => () => void;
  refresh: () => Promise<void>;
  /** Switches view, optionally to the period holding `anchor`. */
  setView: (view: CalendarView, anchor?: DayKey) => void;
  step: (direction: 1 | -1) => void;
  goToday: () => void;
  showMoreUnscheduled: () => void;
  /** Drops a post on a droppable (day, hour slot or the Unscheduled list). */
  drop: (postId: string, dropId: string) => Promise<void>;
  /** Sets a post's time (null unschedules), optimistically, with an error toast on failure. */
  reschedule: (postId: string, scheduledAt: string | null, options?: { undoable?: boolean }) => Promise<boolean>;
  openReschedule: (postId: string | null) => void;
  /** While a drag is in progress, refetches wait, so nothing moves under the pointer. */
  setDragging: (dragging: boolean) => void;
}

let requestSeq = 0;
/** A drag in progress, or schedule calls not yet answered: refetches wait for both. */
let dragging = false;
let savesInFlight = 0;
let refreshWaiting = false;
let changeTimer: ReturnType<typeof setTimeout> | undefined;
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export const useCalendar = create<CalendarState>()((set, get) => ({
  timeZone: localZone,
  defaultTime: DEFAULT_POSTING_TIME,
  view: 'month',
  anchor: todayKey(localZone),
  scheduled: [],
  unscheduled: [],
  unscheduledTotal: 0,
  scheduledTotal: 0,
  unscheduledLimit: UNSCHEDULED_PAGE,
  load: 'loading',
  error: null,
  rescheduleId: null,

  start: () => {
    const loadProfile = () =>
      fetchCalendarProfile()
        .then(({ timeZone, defaultTime }) => {
          set(timeZone === get().timeZone ? { defaultTime } : { timeZone, defaultTime, anchor: todayKey(timeZone) });
        })
        .catch(() => undefined)
        .finally(() => void get().refresh());
    void loadProfile();
    const unsubscribe = onCalendarChanged(
      () => {
        clearTimeout(changeTimer);
        changeTimer = setTimeout(() => void get().refresh(), CHANGE_DEBOUNCE_MS);
      },
      () => void loadProfile(),
    );
    return () => {
      unsubscribe();
      clearTimeout(changeTimer);
    };
  },

  refresh: async () => {
    if (dragging || savesInFlight > 0) {
      refreshWaiting = true;
      return;
    }
    refreshWaiting = false;
    const { view, anchor, timeZone, unscheduledLimit } = get();
    const { from, to } = rangeOf(visibleDays(view, anchor, timeZone), timeZone);
    const seq = ++requestSeq;
    try {
      const [scheduled, unscheduled] = await Promise.all([
        fetchScheduled(from, to),
        fetchUnscheduled(unscheduledLimit),
      ]);
      if (seq !== requestSeq) return;
      set({
        scheduled: scheduled.posts,
        scheduledTotal: scheduled.total,
        unscheduled: unscheduled.posts,
        unscheduledTotal: unscheduled.total,
        load: 'ready',
        error: null,
      });
    } catch (error) {
      if (seq === requestSeq) set({ load: 'error', error: errorMessage(error) });
    }
  },

  setView: (view, anchor) => {
    set(anchor ? { view, anchor } : { view });
    void get().refresh();
  },
  step: (direction) => {
    const { view, anchor, timeZone } = get();
    set({ anchor: shiftAnchor(view, anchor, direction, timeZone) });
    void get().refresh();
  },
  goToday: () => {
    set({ anchor: todayKey(get().timeZone) });
    void get().refresh();
  },
  showMoreUnscheduled: () => {
    set({ unscheduledLimit: Math.min(500, get().unscheduledLimit + UNSCHEDULED_PAGE) });
    void get().refresh();
  },

  drop: async (postId, dropId) => {
    const target = parseDropId(dropId);
    const post = findPost(get(), postId);
    if (!target || !post) return;
    const next = scheduleAfterDrop(post.scheduledAt, target, get().timeZone, get().defaultTime);
    if (next === undefined) return;
    await get().reschedule(postId, next, { undoable: true });
  },

  reschedule: async (postId, scheduledAt, options = {}) => {
    const before = get();
    const post = findPost(before, postId);
    if (!post) return false;
    const previous = post.scheduledAt;
    const title = postHeadline(post);
    requestSeq += 1; // a fetch already in flight predates this move
    savesInFlight += 1;
    set(withSchedule(before, post, scheduledAt));
    try {
      await schedulePost(postId, scheduledAt);
      showToast({
        kind: 'success',
        message: describeMove(title, scheduledAt, get().timeZone),
        ...(options.undoable ? { action: { label: 'Undo', run: () => void get().reschedule(postId, previous) } } : {}),
      });
      return true;
    } catch (error) {
      set(withSchedule(get(), post, previous));
      const reason = errorMessage(error);
      showToast({ kind: 'error', message: `Could not schedule “${title}”: ${reason}` });
      return false;
    } finally {
      savesInFlight -= 1;
      void get().refresh();
    }
  },

  openReschedule: (postId) => set({ rescheduleId: postId }),
  setDragging: (active) => {
    dragging = active;
    if (!active && refreshWaiting) void get().refresh();
  },
}));
