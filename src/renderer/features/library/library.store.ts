import { create } from 'zustand';
import type { PostFilter, PostList } from '../../../shared/contract/posts';
import {
  EMPTY_FILTERS,
  hasActiveFilters,
  PAGE_SIZE,
  toPostFilter,
  type FilterProblem,
  type LibraryFilters,
} from './library-filters';
import { errorMessage } from '../../ui/errors';
import type { SearchStatus } from '../../../shared/contract/search';
import type { PostMetrics } from '../../../shared/domain/analytics';
import {
  fetchPostMetrics,
  fetchPostsPage,
  fetchSearchStatus,
  onAnalyticsChanged,
  fetchTimeZone,
  onPostsChanged,
  onProfileChanged,
  searchLibraryPage,
  type LibraryItem,
} from './queries';
import { runLimited } from './post-metrics-cell';
import { keepVisible, toggle, togglePage, type Selection } from './selection';

/** Typing waits this long before searching; other filters apply at once. */
export const SEARCH_DEBOUNCE_MS = 200;
/** Bursts of change events (imports, bulk actions) cause one refetch. */
const CHANGE_DEBOUNCE_MS = 150;
/** Metrics requests in flight at once for the visible page. */
const METRICS_CONCURRENCY = 6;

export type LoadState = 'loading' | 'ready' | 'error';

interface LibraryState {
  timeZone: string;
  filters: LibraryFilters;
  page: number;
  items: LibraryItem[];
  total: number;
  /** How the server counted and ordered the rows shown (capped totals for common words). */
  listing: Pick<PostList, 'totalCapped' | 'order'>;
  /** The search behind the rows shown, for highlighting titles. */
  shownQuery: string;
  /** True when the unfiltered library holds no posts at all (shows the first-post empty state). */
  libraryEmpty: boolean;
  load: LoadState;
  /** A request is in flight (the current rows stay visible meanwhile). */
  fetching: boolean;
  error: string | null;
  problem: FilterProblem | null;
  selection: Selection;
  /** A bulk action is running; its buttons are disabled. */
  busy: boolean;
  /** Semantic search status (null until known); searches use it only when it is available. */
  semantic: SearchStatus | null;
  /** Why the last search fell back to full-text, as the server said (null when it did not). */
  semanticReason: string | null;
  /** Metrics of published posts by id, cached until `analytics:changed`; null = none or failed. */
  metrics: Readonly<Record<string, PostMetrics | null>>;

  /** Loads the time zone and the first page, and refetches on changes; returns a cleanup. */
  start: () => () => void;
  setFilters: (patch: Partial<LibraryFilters>) => void;
  resetFilters: () => void;
  setPage: (page: number) => void;
  refresh: () => Promise<void>;
  toggleRow: (id: string) => void;
  togglePage: () => void;
  clearSelection: () => void;
  setBusy: (busy: boolean) => void;
  /** Fetches metrics for the published posts on the visible page that are not cached yet. */
  loadMetrics: () => void;
}

let requestSeq = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let changeTimer: ReturnType<typeof setTimeout> | undefined;
/** Bumped on `analytics:changed` so answers to older requests are dropped. */
let metricsGeneration = 0;
const metricsInFlight = new Set<string>();

export const useLibrary = create<LibraryState>()((set, get) => ({
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  filters: EMPTY_FILTERS,
  page: 0,
  items: [],
  total: 0,
  listing: { totalCapped: false, order: 'updated' },
  shownQuery: '',
  libraryEmpty: false,
  load: 'loading',
  fetching: false,
  error: null,
  problem: null,
  selection: new Set<string>(),
  busy: false,
  semantic: null,
  semanticReason: null,
  metrics: {},

  start: () => {
    const loadStatus = () =>
      fetchSearchStatus()
        .then((semantic) => set({ semantic }))
        .catch(() => set({ semantic: null }));
    void loadStatus();
    const loadTimeZone = () =>
      fetchTimeZone()
        .then((timeZone) => set({ timeZone }))
        .catch(() => undefined)
        .finally(() => void get().refresh());
    void loadTimeZone();
    const offProfile = onProfileChanged(() => void loadTimeZone());
    const offPosts = onPostsChanged(() => {
      clearTimeout(changeTimer);
      changeTimer = setTimeout(() => {
        void get().refresh();
        void loadStatus();
      }, CHANGE_DEBOUNCE_MS);
    });
    const offAnalytics = onAnalyticsChanged(() => {
      metricsGeneration += 1;
      metricsInFlight.clear();
      set({ metrics: {} });
      get().loadMetrics();
    });
    return () => {
      offProfile();
      offPosts();
      offAnalytics();
      clearTimeout(changeTimer);
      clearTimeout(searchTimer);
    };
  },

  setFilters: (patch) => {
    set({ filters: { ...get().filters, ...patch }, page: 0, selection: new Set() });
    clearTimeout(searchTimer);
    const onlyQuery = Object.keys(patch).every((key) => key === 'query');
    if (onlyQuery) searchTimer = setTimeout(() => void get().refresh(), SEARCH_DEBOUNCE_MS);
    else void get().refresh();
  },

  resetFilters: () => get().setFilters(EMPTY_FILTERS),

  setPage: (page) => {
    set({ page: Math.max(0, page) });
    void get().refresh();
  },

  refresh: async () => {
    const { filters, page, timeZone } = get();
    const built = toPostFilter(filters, timeZone, page);
    if ('problem' in built) {
      set({ problem: built.problem });
      return;
    }
    const seq = ++requestSeq;
    set({ problem: null, fetching: true });
    try {
      const result = await fetchPage(built.filter, get().semantic);
      if (seq === requestSeq) set({ semanticReason: result.semanticReason });
      // A page past the end (after deleting its last rows) falls back to the last real page.
      if (result.items.length === 0 && page > 0 && result.total > 0) {
        if (seq === requestSeq) get().setPage(Math.ceil(result.total / PAGE_SIZE) - 1);
        return;
      }
      const libraryEmpty = result.total === 0 && !hasActiveFilters(filters) && (await isLibraryEmpty());
      if (seq !== requestSeq) return;
      const ids = result.items.map((item) => item.id);
      set({
        items: result.items,
        total: result.total,
        listing: { totalCapped: result.totalCapped, order: result.order },
        shownQuery: built.filter.query ?? '',
        libraryEmpty,
        load: 'ready',
        fetching: false,
        error: null,
        selection: keepVisible(get().selection, ids),
      });
      get().loadMetrics();
    } catch (error) {
      if (seq === requestSeq) set({ load: 'error', fetching: false, error: errorMessage(error) });
    }
  },

  toggleRow: (id) => set({ selection: toggle(get().selection, id) }),
  togglePage: () =>
    set({
      selection: togglePage(
        get().selection,
        get().items.map((item) => item.id),
      ),
    }),
  clearSelection: () => set({ selection: new Set() }),
  setBusy: (busy) => set({ busy }),

  loadMetrics: () => {
    const { items, metrics } = get();
    const ids = items
      .filter((item) => item.status === 'published' && !(item.id in metrics) && !metricsInFlight.has(item.id))
      .map((item) => item.id);
    if (ids.length === 0) return;
    const generation = metricsGeneration;
    for (const id of ids) metricsInFlight.add(id);
    void runLimited(ids, METRICS_CONCURRENCY, async (id) => {
      // Skip posts paged away from while queued; they load again when shown.
      if (!get().items.some((item) => item.id === id)) {
        if (generation === metricsGeneration) metricsInFlight.delete(id);
        return;
      }
      let result: PostMetrics | null = null;
      try {
        result = await fetchPostMetrics(id);
      } catch {
        // Metrics are an extra: the cell shows "—".
      }
      if (generation !== metricsGeneration) return;
      metricsInFlight.delete(id);
      set({ metrics: { ...get().metrics, [id]: result } });
    });
  },
}));

/**
 * A page of posts: by words and meaning when semantic search is available and there is a query,
 * else (and whenever that call fails) the full-text listing exactly as before.
 */
async function fetchPage(
  filter: PostFilter,
  semantic: SearchStatus | null,
): Promise<PostList & { items: LibraryItem[]; semanticReason: string | null }> {
  const query = filter.query?.trim();
  if (query && semantic?.available) {
    try {
      const page = await searchLibraryPage({ ...filter, query });
      return { ...page, semanticReason: page.mode === 'hybrid' ? null : page.reason };
    } catch {
      // Semantic search is an extra: the full-text listing below still answers.
    }
  }
  return { ...(await fetchPostsPage(filter)), semanticReason: null };
}

/** Whether there are no posts at all, archived ones included. */
async function isLibraryEmpty(): Promise<boolean> {
  return (await fetchPostsPage({ limit: 1 })).total === 0;
}
